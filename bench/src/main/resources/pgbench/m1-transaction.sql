-- The OI's M1 transaction, as the oi-service runs it (intervention, triplets, audit row, one
-- outbox row per OC present at the PM), then the later outcome update of those rows by the
-- delivery engine: what PostgreSQL must do per M1, whatever the Java around it.
-- Run by ProductionShapeBenchmark: pgbench -n -f m1-transaction.sql -D clients=N oi; its rows
-- (references PGB-...) are deleted afterwards, so that the OI never sends them.
-- The outcome update names the four rows by id: concurrent transactions' ids interleave.
\set n random(1, 2000000000)
BEGIN;
select o.oc from pm p left join pm_operator o on o.pm = p.code where p.code = 'FI-BENCH-0001' and p.code_oi = 'OI01' order by o.oc;
select i.id from intervention i where i.code_do = 'DO01' and i.ref_interv_do = 'PGB-' || :client_id || '-' || :n for update of i;
with i as (
    insert into intervention (ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter,
                              start_received, late_start, created_at, updated_at)
    values ('PGB-' || txid_current(), 'DO01', 'PGB-' || :client_id || '-' || :n, 'OI01', 'FI-BENCH-0001', now(), null,
            true, false, now(), now())
    on conflict (code_do, ref_interv_do) do nothing
    returning id),
natures as (
    insert into intervention_nature (intervention_id, position, nature, pbo, pto)
    select i.id, n.position, n.nature, n.pbo, n.pto
    from i, jsonb_to_recordset(cast('[{"position":0,"nature":1,"pbo":"PT000001","pto":null}]' as jsonb))
         as n(position smallint, nature smallint, pbo varchar, pto varchar)
    on conflict (intervention_id, position) do update set nature = excluded.nature, pbo = excluded.pbo, pto = excluded.pto),
audit as (
    insert into intervention_message (intervention_id, kind, outcome, received_at, payload)
    select i.id, 'M1', 'NEW', now(),
           '{"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"PGB-1","PM":"FI-BENCH-0001","Nature_PBO_PTO":[{"nature":1,"PBO":"PT000001"}],"Debut_Inter":"2026-11-30T09:00:00Z"}'
    from i)
select id from i;
with m as (
    insert into delivery_message (partner, kind, subject, path, payload, status, lease_owner, lease_until,
                                  next_attempt_at, created_at, updated_at)
    select oc, 'M2', 'PGB-' || txid_current(), '/v1/intervention_OI',
           '{"Code_OI":"OI01","Ref_Interv_OI":"PGB-1","PM":"FI-BENCH-0001","PBO":["PT000001"],"Debut_Inter":"2026-11-30T10:00:00+01:00"}',
           'SENDING', 'pgbench', now() + interval '1 minute', now(), now(), now()
    from unnest(array['OC01', 'OC02', 'OC03', 'OC04']) oc
    returning id)
select string_agg(id::text, ',') as ids from m \gset
COMMIT;
update delivery_message set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = now(), last_http_status = 200,
       answer_code = 0, answer_label = 'OK', lease_owner = null, lease_until = null, updated_at = now(), delivered_at = now()
where id in (:ids);
