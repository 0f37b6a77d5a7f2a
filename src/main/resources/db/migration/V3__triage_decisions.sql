-- The duty manager's triage of an enquiry, keyed by the enquiry's reference.
create table triage_decision (
    enquiry_reference varchar(20)   primary key references enquiry (reference),
    outcome           varchar(30)   not null,
    advice            varchar(5000) not null,
    level_of_need     varchar(20)   not null,
    decided_by        varchar(100)  not null,
    decided_at        timestamp with time zone not null
);

create table triage_signpost (
    enquiry_reference varchar(20) not null references triage_decision (enquiry_reference),
    portal            varchar(40) not null,
    primary key (enquiry_reference, portal)
);
