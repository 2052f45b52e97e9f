-- Version 2 beside version 1: one intervention whichever version its DO speaks.

-- what a v2 declaration says that v1's columns cannot hold (its nature among v2's eleven, the
-- technical PM, the network element, the service reference), kept so that nothing is lost;
-- null for an intervention declared in v1
alter table intervention add column v2_details jsonb;
-- the version of the last declaration (M1/M3) received for it
alter table intervention add column protocol_version varchar(2) not null default 'v1'
    check (protocol_version in ('v1', 'v2'));

-- the audit of received messages: in which version each came, and v2's repair report (CR)
alter table intervention_message add column protocol_version varchar(2) not null default 'v1'
    check (protocol_version in ('v1', 'v2'));
alter table intervention_message drop constraint intervention_message_kind_check;
alter table intervention_message add constraint intervention_message_kind_check check (kind in ('M1', 'M3', 'CR'));
alter table intervention_message drop constraint intervention_message_outcome_check;
alter table intervention_message add constraint intervention_message_outcome_check
    check (outcome in ('NEW', 'DUPLICATE', 'CORRECTED', 'IGNORED', 'RECEIVED'));

-- what a message relayed to an OC in the other version could not carry (nothing is dropped
-- silently): one row per loss, written with the message queued (or, for a report to a v1 OC,
-- instead of it)
create table relay_loss (
    id               bigserial    primary key,
    intervention_id  bigint       not null references intervention (id) on delete cascade,
    partner          varchar(4)   not null,
    kind             varchar(4)   not null,
    sent             boolean      not null,   -- false: the message itself was not sent (a report to a v1 OC)
    field            varchar(100) not null,
    value            text,
    reason           text         not null,
    recorded_at      timestamptz  not null
);
create index relay_loss_intervention on relay_loss (intervention_id, recorded_at);
