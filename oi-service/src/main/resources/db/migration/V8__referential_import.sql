-- Bulk import of the referential (CSV): PMs absent from a replacing import are retired, not
-- deleted (interventions refer to them); a retired PM answers PM_INCONNU to a new M1.
alter table pm add column retired_at timestamptz;

-- one row per import job, its progress and its outcome
create table referential_import (
    id           bigserial    primary key,
    content      varchar(8)   check (content in ('PMS', 'PARTNERS')), -- known once the header is read
    mode         varchar(8)   not null check (mode in ('MERGE', 'REPLACE')),
    status       varchar(10)  not null check (status in ('RECEIVED', 'VALIDATING', 'APPLYING', 'APPLIED', 'REJECTED', 'FAILED')),
    total_bytes  bigint       not null,
    bytes_read   bigint       not null default 0,
    lines_read   bigint       not null default 0,
    fault_count  bigint       not null default 0,
    added        integer,                 -- rows created, updated, retired when APPLIED
    updated      integer,
    retired      integer,
    error        varchar(500),            -- FAILED: what went wrong (not the file's fault)
    created_at   timestamptz  not null,
    heartbeat_at timestamptz  not null,   -- progress written; a job silent for long was interrupted
    finished_at  timestamptz
);
-- one import at a time, across instances
create unique index referential_import_one_running on referential_import ((true))
    where status in ('RECEIVED', 'VALIDATING', 'APPLYING');

-- the faults of an import, line by line (the first ones of a very bad file; fault_count counts all)
create table referential_import_fault (
    id         bigserial    primary key,
    import_id  bigint       not null references referential_import (id) on delete cascade,
    line       bigint       not null,      -- line of the file, the header being line 1
    field      varchar(20)  not null,
    reason     varchar(200) not null
);
create index referential_import_fault_import on referential_import_fault (import_id, line);

-- staging: the lines of the import being validated; applied to pm/pm_operator or partner in one transaction
create unlogged table referential_import_pm (
    import_id  bigint       not null,
    line       bigint       not null,
    pm         varchar(50)  not null,
    code_oi    varchar(4)   not null,
    ocs        varchar(4)[] not null
);
create unlogged table referential_import_partner (
    import_id  bigint       not null,
    line       bigint       not null,
    code       varchar(4)   not null,
    name       varchar(100) not null,
    base_url   varchar(500),
    flux3      boolean      not null
);
