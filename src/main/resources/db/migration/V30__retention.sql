-- Retention: a closed enquiry is anonymised once the council's retention schedule says so. What happened and
-- when stays (the figures read it); who the child was and what anyone wrote about them does not.
alter table enquiry add column anonymised_at timestamp with time zone;
alter table enquiry alter column child_date_of_birth drop not null;
-- Whether the enquiry was a re-referral, fixed before its child is forgotten (and for the later enquiries about
-- the same child), so that a report on an old period says what it said before. Null: worked out from the child.
alter table enquiry add column re_referral boolean;
create index enquiry_retention on enquiry (status, anonymised_at);
