-- A case event's summary quotes what someone wrote after a few words of its own ("The school withdrew the
-- enquiry: " and a reason of up to 5,000 characters), and its details hold the same text again as JSON, where a
-- control character takes six characters. At 5,000 and 4,000 the longest text a form accepts failed with a 500;
-- these sizes hold the longest text any form accepts, with its words and its escaping.
alter table case_event alter column summary set data type varchar(10000);
alter table case_event alter column details set data type varchar(40000);
