-- Interventions received in M2/M4, one row per (Code_OI, Ref_Interv_OI): the unique constraint
-- keeps concurrent identical messages from making two.
create table intervention_window (
    id                 bigserial    primary key,
    code_oi            varchar(4)   not null check (code_oi ~ '^[0-9A-Z]{4}$'),
    ref_interv_oi      varchar(50)  not null check (ref_interv_oi ~ '^[0-9A-Za-z_-]{1,50}$'),
    pm                 varchar(50)  not null,
    pbo                text[]       not null default '{}',    -- the PBOs of the M2/M4 (possibly none)
    debut_inter        timestamptz  not null,
    fin_inter          timestamptz,                           -- null until M4
    m4_received_at     timestamptz,                           -- when the last first-or-corrected M4 came
    -- flux 3: when the M5 is due (null: none waiting); kept here so that a restart loses none
    m5_due_at          timestamptz,
    m5_sent            integer      not null default 0,       -- M5s queued (more than one: corrections)
    m5_last_queued_at  timestamptz,
    m5_last_customers  integer,
    m5_delivery_id     bigint,                                -- the last M5's message in the delivery engine
    m5_outcome         varchar(12),                           -- how it ended: DELIVERED, REJECTED, FAILED (null: not yet)
    m5_answer          varchar(30),                           -- the OI's Libelle_Reponse
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    constraint intervention_window_reference unique (code_oi, ref_interv_oi),
    constraint intervention_window_end_after_start check (fin_inter is null or fin_inter >= debut_inter)
);
create index intervention_window_pm on intervention_window (pm, debut_inter);
create index intervention_window_debut on intervention_window (debut_inter);
create index intervention_window_m5_due on intervention_window (m5_due_at) where m5_due_at is not null;
create index intervention_window_m5_delivery on intervention_window (m5_delivery_id);
