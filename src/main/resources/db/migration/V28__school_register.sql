-- The register of schools, as the Department for Education's Get Information about Schools (GIAS) extract
-- gives it, or as an administrator adds a provision GIAS does not list. A closed school is kept, inactive:
-- its enquiries stay with it.
alter table school add column la_code varchar(3);
alter table school add column establishment_type varchar(100);
alter table school add column phase varchar(60);
alter table school add column gias_status varchar(60);
alter table school add column postcode varchar(10);
alter table school add column locality varchar(100);
alter table school add column active boolean not null default true;
alter table school add column source varchar(10) not null default 'MANUAL';
