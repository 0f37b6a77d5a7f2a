-- Managers, and what has slipped. A manager leads one team (a work queue such as duty-managers, or a partner
-- organisation's queue partner-<id>) or, with none, the whole service (a head of service). Escalations go
-- to a team's managers by email, so accounts may have an email address.
alter table staff_account add column email varchar(254);
alter table staff_account add column manages varchar(100);

-- A question to a school is due a few working days after it is asked (tessa.timescales); questions asked
-- before this migration are given a week.
alter table panel_question add column due_at timestamp with time zone;
update panel_question set due_at = asked_at + interval '7' day;
alter table panel_question alter column due_at set not null;

-- The drift list reads every open item past its due date, oldest first.
create index work_item_open_due on work_item (is_open, due_at);

-- Each overdue item is escalated once: the row is written in the transaction that posts the managers' letter,
-- so two nodes never both escalate it.
create table escalation (
    item_key          varchar(120) primary key,
    enquiry_reference varchar(20),
    escalated_at      timestamp with time zone not null,
    told              varchar(1000) not null
);

-- What is already overdue when escalation begins is on the drift list, but its managers are not emailed about
-- every old item at once on the first run after the upgrade.
insert into escalation (item_key, enquiry_reference, escalated_at, told)
select 'task:' || task_id, enquiry_reference, current_timestamp, 'nobody: overdue before escalation began'
from work_item where is_open = true and due_at < current_timestamp;
insert into escalation (item_key, enquiry_reference, escalated_at, told)
select 'decision:' || enquiry_reference || ':' || portal_code, enquiry_reference, current_timestamp,
    'nobody: overdue before escalation began'
from signpost where status = 'AWAITING_DECISION' and decision_due_at < current_timestamp;
insert into escalation (item_key, enquiry_reference, escalated_at, told)
select 'question:' || id, enquiry_reference, current_timestamp, 'nobody: overdue before escalation began'
from panel_question where answer is null and withdrawn = false and due_at < current_timestamp;
