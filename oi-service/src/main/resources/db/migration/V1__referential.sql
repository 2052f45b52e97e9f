-- The OI's referential: its partners (OCs, DOs) and its PMs with the OCs present at each.
create table partner (
    code      varchar(4)   primary key check (code ~ '^[0-9A-Z]{4}$'),
    name      varchar(100) not null,
    base_url  varchar(500),                        -- where the partner receives M2/M4 (OCs)
    flux3     boolean      not null default false  -- the OC takes part in flux 3 (sends M5)
);

create table pm (
    code     varchar(50) primary key check (code ~ '^[0-9A-Za-z_-]{1,50}$'),
    code_oi  varchar(4)  not null check (code_oi ~ '^[0-9A-Z]{4}$')
);

-- the OCs present at a PM: the recipients of M2/M4
create table pm_operator (
    pm  varchar(50) not null references pm (code) on delete cascade,
    oc  varchar(4)  not null references partner (code),
    primary key (pm, oc)
);
create index pm_operator_oc on pm_operator (oc);
