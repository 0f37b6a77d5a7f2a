-- Officers' commentary on the figures for a period, printed in the scrutiny report for that period.
create table scrutiny_commentary (
    period_from date          not null,
    period_to   date          not null,
    commentary  varchar(10000) not null,
    written_by  varchar(100)  not null,
    written_at  timestamp with time zone not null,
    primary key (period_from, period_to)
);
