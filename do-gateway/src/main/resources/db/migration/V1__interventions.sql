-- One presence period of a technician on a PM: what the field tool captured, as M1 and M3 carry it.
create table intervention (
    id             bigserial    primary key,
    ref_interv_do  varchar(50)  not null unique check (ref_interv_do ~ '^[0-9A-Z_-]{1,50}$'),
    technician_id  varchar(100) not null,
    capture_id     varchar(100),                   -- the tool's idempotency key: a re-post finds the same period
    code_oi        varchar(4)   not null,
    pm             varchar(50)  not null,
    natures        jsonb        not null,          -- Nature_PBO_PTO of M1: [{"nature":1,"pbo":"..","pto":".."}]
    debut_inter    timestamptz  not null,          -- as captured on the device, never the transmission time
    fin_inter      timestamptz,                    -- idem; null until the end is known
    end_natures    jsonb,                          -- Nature_PBO_PTO of M3 (the final natures)
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    unique (technician_id, capture_id)
);
-- the technician's home screen: today's periods and the ones still open
create index intervention_technician on intervention (technician_id, debut_inter);

-- M1 and M3 of each intervention: the outbox message carrying the latest version, and the OI's answer
create table declaration (
    intervention_id    bigint       not null references intervention (id) on delete cascade,
    kind               varchar(2)   not null check (kind in ('M1', 'M3')),
    delivery_id        bigint       not null unique,   -- delivery_message.id in the engine's outbox
    status             varchar(12)  not null check (status in ('QUEUED', 'ACKNOWLEDGED', 'REJECTED', 'FAILED')),
    queued_at          timestamptz  not null,
    attempts           integer      not null default 0,
    ref_interv_oi      varchar(50),                    -- from R M1/R M3 when OK
    answer_code        integer,
    answer_label       varchar(30),
    answer_description varchar(200),
    answered_at        timestamptz,                    -- when the outcome was known: starts the correction window
    primary key (intervention_id, kind)
);
