-- The outbox of the delivery engine: one row per message to send to one partner.
-- Written in the same transaction as the business change that causes it.
create table delivery_message (
    id                bigserial primary key,
    partner           varchar(4)   not null,               -- operator code of the receiver
    kind              varchar(4)   not null,               -- M1, M2, M3, M4, M5
    subject           varchar(50)  not null,               -- the intervention reference the message is about
    path              varchar(200) not null,               -- e.g. /v1/intervention_OI
    payload           text         not null,               -- JSON body, as sent
    status            varchar(12)  not null default 'PENDING'
        check (status in ('PENDING', 'SENDING', 'DELIVERED', 'REJECTED', 'FAILED', 'SUPERSEDED')),
    attempts          integer      not null default 0,     -- HTTP attempts made since queued or re-sent
    next_attempt_at   timestamptz  not null,
    lease_owner       varchar(100),                        -- the instance sending it (SENDING)
    lease_until       timestamptz,                         -- past it, another instance takes it over
    last_attempt_at   timestamptz,
    last_http_status  integer,
    answer_code       integer,
    answer_label      varchar(50),
    answer_description varchar(200),
    answer_body       text,                                -- the last answer, cut to 8,000 characters
    last_error        varchar(500),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    delivered_at      timestamptz
);

-- what the engine looks for: due messages of a partner, longest waiting first (a claim reads only
-- the few it takes), and expired leases
create index delivery_message_due on delivery_message (partner, next_attempt_at, id) where status = 'PENDING';
create index delivery_message_leased on delivery_message (lease_until) where status = 'SENDING';
-- ordering per (subject, partner), views per intervention
create index delivery_message_group on delivery_message (subject, partner, id);
create index delivery_message_partner_status on delivery_message (partner, status);
-- re-sends by period
create index delivery_message_created on delivery_message (created_at);
