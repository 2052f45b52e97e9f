-- Interventions received in M1/M3. One DO reference maps to exactly one OI reference:
-- both uniqueness rules are enforced here, not only in Java.
create table intervention (
    id               bigserial    primary key,
    ref_interv_oi    varchar(50)  not null unique check (ref_interv_oi ~ '^[0-9A-Z_-]{1,50}$'),
    code_do          varchar(4)   not null check (code_do ~ '^[0-9A-Z]{4}$'),
    ref_interv_do    varchar(50)  not null check (ref_interv_do ~ '^[0-9A-Za-z_-]{1,50}$'),
    code_oi          varchar(4)   not null,
    pm               varchar(50)  not null,
    debut_inter      timestamptz  not null,
    fin_inter        timestamptz,                      -- null until M3
    start_received   boolean      not null,            -- an M1 was received
    late_start       boolean      not null default false, -- M1 received long after Debut_Inter
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    constraint intervention_do_reference unique (code_do, ref_interv_do),
    constraint intervention_end_after_start check (fin_inter is null or fin_inter >= debut_inter)
);
create index intervention_pm on intervention (pm, debut_inter);
create index intervention_debut on intervention (debut_inter);

-- the nature/PBO/PTO triplets, in the order received
create table intervention_nature (
    intervention_id  bigint       not null references intervention (id) on delete cascade,
    position         smallint     not null,
    nature           smallint     not null check (nature between 1 and 4),
    pbo              varchar(100),
    pto              varchar(50),
    primary key (intervention_id, position)
);

-- audit: every accepted M1/M3, as received, and what the OI did with it
create table intervention_message (
    id               bigserial    primary key,
    intervention_id  bigint       not null references intervention (id) on delete cascade,
    kind             varchar(2)   not null check (kind in ('M1', 'M3')),
    outcome          varchar(10)  not null check (outcome in ('NEW', 'DUPLICATE', 'CORRECTED', 'IGNORED')),
    received_at      timestamptz  not null,
    payload          jsonb        not null
);
create index intervention_message_intervention on intervention_message (intervention_id, received_at);
