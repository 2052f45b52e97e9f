-- The line tests a technician asked (M3TX, numeroTest 1 to 5) of an OI that speaks v2, and the engine's
-- message carrying each (its outcome, the OI's answer, is the engine's).
create table line_test (
    intervention_id bigint      not null references intervention (id) on delete cascade,
    numero_test     smallint    not null check (numero_test between 1 and 5),
    date_test       timestamptz not null,   -- the tap on the device, never the transmission time
    received_at     timestamptz not null,   -- when the gateway got it: late when long after the tap (offline)
    late            boolean     not null,
    delivery_id     bigint      not null unique,
    primary key (intervention_id, numero_test)
);

-- Each M6TX the OI sent: one OC's answer to a test (numero_test 1 to 5) or to the end (0), stored byte
-- for byte as received; a repeated answer to a test is kept once, the end's latest answer wins.
create table line_test_answer (
    intervention_id bigint      not null references intervention (id) on delete cascade,
    numero_test     smallint    not null check (numero_test between 0 and 5),
    code_oc         varchar(4)  not null,
    body            bytea       not null,
    received_at     timestamptz not null,
    primary key (intervention_id, numero_test, code_oc)
);
