-- The services a duty manager can signpost to, configured by administrators. A portal in GUIDANCE mode
-- is explained to the school; in REFERRAL mode TESSA itself sends a referral to its endpoint.
create table portal (
    code                varchar(40)   primary key,
    name                varchar(100)  not null,
    public_link         varchar(500)  not null,
    guidance            varchar(2000) not null,
    mode                varchar(10)   not null,
    endpoint            varchar(500),
    -- the name of the environment variable that holds the portal's API token, never the token itself
    credential_variable varchar(100),
    -- the items of the enquiry a referral shares with this portal, comma separated
    shared_data         varchar(500)  not null,
    -- the MASH: a safeguarding portal whose decision is due within one working day
    safeguarding        boolean       not null default false,
    active              boolean       not null default true,
    constraint portal_endpoint check (mode <> 'REFERRAL' or endpoint is not null)
);

insert into portal (code, name, public_link, guidance, mode, shared_data, safeguarding) values
('SEND_PORTAL', 'SEND portal (special educational needs and disabilities)', 'https://www.sthelens.gov.uk/send',
 'Request an education, health and care (EHC) needs assessment through the SEND portal. Include the child''s SEN support plan, the last two reviews and any reports from specialists. The SEND team replies within 6 weeks whether it will assess.',
 'GUIDANCE', 'CHILD,SCHOOL,CONCERNS,SUMMARY,REFERRER', false),
('MASH', 'MASH (multi-agency safeguarding hub)', 'https://www.sthelens.gov.uk/mash',
 'The MASH (children''s social care, police and health) decides within one working day what response a child needs. If a child is in danger now, phone the MASH or 999.',
 'GUIDANCE', 'CHILD,SCHOOL,CONCERNS,SUMMARY,CONSENT,REFERRER', true),
('MENTAL_HEALTH_PORTAL', 'Mental health portal (emotional wellbeing and mental health)', 'https://www.sthelens.gov.uk/emotional-wellbeing',
 'Refer through the emotional wellbeing and mental health portal with the family''s agreement. Describe what you have noticed, for how long, and what school has tried.',
 'GUIDANCE', 'CHILD,SCHOOL,CONCERNS,SUMMARY,REFERRER', false);

-- One row per portal an enquiry was signposted to, and what came of it.
create table signpost (
    enquiry_reference   varchar(20)  not null references enquiry (reference),
    portal_code         varchar(40)  not null references portal (code),
    mode                varchar(10)  not null,
    status              varchar(30)  not null,
    sharing_basis       varchar(1000),
    acknowledgement     varchar(100),
    decision            varchar(40),
    decision_reference  varchar(100),
    decision_due_at     timestamp with time zone,
    decision_overdue    boolean      not null default false,
    decided_at          timestamp with time zone,
    chase_note          varchar(2000),
    created_at          timestamp with time zone not null,
    primary key (enquiry_reference, portal_code)
);

-- A portal's system account reports decisions back (for example the MASH's).
alter table staff_account add column portal_code varchar(40) references portal (code);

-- Why an enquiry may be shared without the family's consent (lawful basis or risk of significant harm).
alter table triage_decision add column sharing_without_consent varchar(1000);
