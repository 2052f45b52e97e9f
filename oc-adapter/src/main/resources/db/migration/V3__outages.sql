-- Customer line outages reported by the OC's supervision. Only the PM is always known.
create table outage (
    id           bigserial    primary key,
    pm           varchar(50)  not null,
    pto          varchar(50),
    pbo          varchar(100),
    tube         varchar(50),
    fibre        varchar(50),
    position_pm  varchar(100),                 -- Position_PM_Module_OI
    down_at      timestamptz,                  -- outage time (HMS_Coupure)
    up_at        timestamptz,                  -- restore time
    cause        varchar(16)  not null check (cause in ('LOSS_OF_SIGNAL', 'DYING_GASP', 'UNKNOWN')),
    terminated   boolean      not null,
    received_at  timestamptz  not null
);
-- an event sent again completes the stored one (NULLs are distinct: unknown PTO or time never collide)
create unique index outage_event on outage (pm, pto, down_at);
-- M5: the outages on a PM that began within an intervention's window
create index outage_pm_down on outage (pm, down_at);

-- The OC is the DO: the customer its technician works on is left out of its M5.
create table own_intervention (
    id          bigserial    primary key,
    pm          varchar(50)  not null,
    pto         varchar(50)  not null,
    from_at     timestamptz  not null,
    to_at       timestamptz,                   -- null: still on site
    created_at  timestamptz  not null,
    constraint own_intervention_identity unique (pm, pto, from_at),
    constraint own_intervention_end_after_start check (to_at is null or to_at >= from_at)
);
create index own_intervention_pm on own_intervention (pm, from_at);
