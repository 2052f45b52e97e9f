-- Line tests (v2's M3TX to M6TX): each intervention's series as its rules record it (the tests in
-- order, each OC's state and answer, the end's round), brought back under the same rules.
create table line_test_series (
    intervention_id  bigint       primary key references intervention (id) on delete cascade,
    recorded         jsonb        not null,
    -- an OC still owes an answer: what the scheduler gives up when overdue and "Aujourd'hui" counts
    waiting          integer      not null default 0,
    updated_at       timestamptz  not null
);
create index line_test_series_waiting on line_test_series (updated_at) where waiting > 0;

-- every M3TX accepted and M5TX received, byte for byte, and every M6TX queued to the DO
create table line_test_message (
    id               bigserial    primary key,
    intervention_id  bigint       not null references intervention (id) on delete cascade,
    kind             varchar(4)   not null check (kind in ('M3TX', 'M5TX', 'M6TX')),
    numero_test      smallint,                 -- null: the end's round
    oc               varchar(4),               -- M5TX's and M6TX's OC
    at               timestamptz  not null,
    payload          text         not null
);
create index line_test_message_intervention on line_test_message (intervention_id, id);
