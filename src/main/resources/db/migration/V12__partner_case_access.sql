-- Which partner organisations hold, or have held, a task on a case: they may read its summary, and no other.
create table partner_case_access (
    enquiry_reference varchar(20) not null references enquiry (reference),
    organisation_id   bigint      not null references partner_organisation (id),
    granted_at        timestamp with time zone not null,
    primary key (enquiry_reference, organisation_id)
);
