-- People's work, listed from here and never from the engine's task query: one row per user task, kept in
-- step with the engine in the same transaction (tasklist.WorkItems), indexed for every view and order of the
-- task list so that a page costs the same at a hundred tasks as at a hundred thousand.
create table work_item (
    task_id             varchar(64)  primary key,
    name                varchar(255) not null,
    task_key            varchar(255) not null,
    form_key            varchar(255),
    process_instance_id varchar(64)  not null,
    enquiry_reference   varchar(20),
    child_name          varchar(201),
    school_name         varchar(200),
    concerns            varchar(500),
    immediate_risk      boolean      not null,
    queue               varchar(100),
    assignee            varchar(100),
    created_at          timestamp with time zone not null,
    due_at              timestamp with time zone,
    is_open             boolean      not null,
    finished_at         timestamp with time zone,
    finished_how        varchar(20)
);
create index work_item_queue_urgency on work_item (queue, is_open, immediate_risk desc, due_at, created_at);
create index work_item_queue_created on work_item (queue, is_open, created_at);
create index work_item_assignee_urgency on work_item (assignee, is_open, immediate_risk desc, due_at, created_at);
create index work_item_assignee_created on work_item (assignee, is_open, created_at);
create index work_item_enquiry on work_item (enquiry_reference, is_open);
