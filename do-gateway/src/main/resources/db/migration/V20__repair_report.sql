-- The repair report (compte-rendu) sent after M3 to an OI that speaks v2: the lines the technician
-- impacted and those restored, and the engine's message carrying it (its outcome is the engine's).
create table repair_report (
    intervention_id bigint      primary key references intervention (id) on delete cascade,
    lines_impacted  jsonb       not null,   -- [{"pto":"..","serviceReference":"..","ontSerial":".."}]
    lines_restored  jsonb       not null,
    delivery_id     bigint      not null unique,   -- delivery_message.id in the engine's outbox
    queued_at       timestamptz not null
);
