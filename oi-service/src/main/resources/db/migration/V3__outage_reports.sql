-- Flux 3: what each OC said about each intervention (M5). A second M5 from the same OC for the
-- same reference replaces the first (correction): one report per (intervention, OC).
create table oc_report (
    intervention_id  bigint       not null references intervention (id) on delete cascade,
    oc               varchar(4)   not null check (oc ~ '^[0-9A-Z]{4}$'),
    received_at      timestamptz  not null,
    corrections      integer      not null default 0,   -- how many times it was replaced
    payload          jsonb        not null,             -- the last M5, as received
    primary key (intervention_id, oc)
);

create table impacted_customer (
    id               bigserial    primary key,
    intervention_id  bigint       not null,
    oc               varchar(4)   not null,
    pto              varchar(50)  not null,
    pbo              varchar(100) not null,
    tube             varchar(50)  not null,
    fibre            varchar(50)  not null,
    position_pm      varchar(100) not null,
    hms_coupure      timestamptz  not null,
    -- the outage time lies outside [Debut_Inter, Fin_Inter]: stored, but flagged
    outside_window   boolean      not null,
    foreign key (intervention_id, oc) references oc_report (intervention_id, oc) on delete cascade
);
create index impacted_customer_report on impacted_customer (intervention_id, oc);

-- consultation and statistics (see BENCHMARKS.md)
create index intervention_code_do on intervention (code_do, debut_inter);
create index oc_report_received on oc_report (received_at);

-- kept up to date with the reports, so that statistics over a million interventions stay cheap
alter table intervention add column impacted_customers integer not null default 0;

-- statistics over a period read only this index (index-only scans), not the table
create index intervention_statistics on intervention (debut_inter) include (code_do, pm, impacted_customers);
