-- Version 2 of the protocol: what a v2 M2/M4 carries that v1 lacks, kept with the intervention,
-- and the version of the last message applied to it.
alter table intervention_window
    add column protocol_version    varchar(2)  not null default 'v1' check (protocol_version in ('v1', 'v2')),
    add column ref_pm_technique    varchar(50),      -- pointMutualisation.refPMTechnique
    add column element_reseau      varchar(3),       -- elementReseau: PBO, PM or PTO
    add column description         text,             -- description (M2: at most 200 characters; M4: unbounded)
    add column date_test_fin_froid timestamptz;      -- dateTestFinFroid of the M4

-- The repair reports (v2 compte-rendu) relayed by the OI, each body kept byte for byte as received;
-- the same body received twice is kept once.
create table intervention_report (
    id           bigserial    primary key,
    window_id    bigint       not null references intervention_window (id) on delete cascade,
    body         bytea        not null,
    received_at  timestamptz  not null
);
create unique index intervention_report_body on intervention_report (window_id, md5(body));
