-- The one glossary: the explanations on pages, the glossary page, the scrutiny report's acronym table and the
-- warnings about acronyms in free text all read it. Administrators add terms.
create table glossary_term (
    term       varchar(40)  primary key,
    meaning    varchar(300) not null,
    added_by   varchar(100) not null,
    added_at   timestamp with time zone not null
);
insert into glossary_term (term, meaning, added_by, added_at) values
    ('AP', 'alternative provision', 'TESSA', current_timestamp),
    ('CIN', 'child in need', 'TESSA', current_timestamp),
    ('CP', 'child protection', 'TESSA', current_timestamp),
    ('CSC', 'children''s social care', 'TESSA', current_timestamp),
    ('DSL', 'designated safeguarding lead', 'TESSA', current_timestamp),
    ('EHC plan', 'education, health and care plan', 'TESSA', current_timestamp),
    ('EHCNA', 'education, health and care needs assessment', 'TESSA', current_timestamp),
    ('FH', 'family hub', 'TESSA', current_timestamp),
    ('LA', 'local authority', 'TESSA', current_timestamp),
    ('MASH', 'multi-agency safeguarding hub', 'TESSA', current_timestamp),
    ('NFA', 'no further action', 'TESSA', current_timestamp),
    ('PRU', 'pupil referral unit', 'TESSA', current_timestamp),
    ('SENCO', 'special educational needs coordinator', 'TESSA', current_timestamp),
    ('SEND', 'special educational needs and disabilities', 'TESSA', current_timestamp),
    ('TESSA', 'triage, education, school support and advice', 'TESSA', current_timestamp),
    ('UPN', 'unique pupil number', 'TESSA', current_timestamp),
    ('URN', 'unique reference number (of a school)', 'TESSA', current_timestamp),
    ('WFP', 'Ways Forward Panel', 'TESSA', current_timestamp);
