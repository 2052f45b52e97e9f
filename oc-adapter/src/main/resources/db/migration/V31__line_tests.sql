-- The line tests an OI asked (M4TX), one row per (intervention, numeroTest), and their answer (M5TX).
create table line_test (
    id              bigserial    primary key,
    window_id       bigint       not null references intervention_window (id) on delete cascade,
    numero_test     integer      not null check (numero_test between 1 and 5),
    date_test       timestamptz  not null,
    nature_test     varchar(10)  not null,
    received_at     timestamptz  not null,
    -- the latest the answer goes (received + eintervention.oc.line-tests.max-settling-delay)
    answer_by       timestamptz  not null,
    answered_at     timestamptz,                   -- when the M5TX was queued (null: not yet)
    customers_down  integer,
    lines_restored  integer,
    delivery_id     bigint,                        -- the M5TX in the delivery engine
    constraint line_test_number unique (window_id, numero_test)
);
create index line_test_waiting on line_test (answer_by) where answered_at is null;
