-- Accounts a council runs itself: invited by email to set their own password, deactivated (never deleted) when
-- someone leaves, and when each last signed in.
alter table staff_account add column invited_at timestamp with time zone;
alter table staff_account add column password_set_at timestamp with time zone;
alter table staff_account add column last_signed_in_at timestamp with time zone;
alter table staff_account add column deactivated_at timestamp with time zone;
alter table staff_account add column deactivated_by varchar(100);
-- Accounts from before invitations had their passwords set by whoever made them.
update staff_account set password_set_at = current_timestamp;

-- Single-use links to set a password: an invitation, or "forgot my password". Only the token's SHA-256 is kept.
create table account_token (
    token_hash  varchar(64)  primary key,
    username    varchar(100) not null references staff_account (username),
    purpose     varchar(20)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index account_token_username on account_token (username);
