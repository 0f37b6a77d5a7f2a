-- Set while a step of the enquiry is past its timescale (for example a MASH decision), with what is late.
alter table enquiry add column overdue_reason varchar(200);
