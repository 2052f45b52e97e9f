-- A backlog of M2s due at once (an OC back after an outage); parameters: number of OCs, prefix, prefix, count
insert into delivery_message (partner, kind, subject, path, payload, next_attempt_at, created_at, updated_at)
select 'OC0' || (1 + g % ?), 'M2', ? || '-' || g, '/v1/intervention_OI',
       '{"Code_OI":"OI01","Ref_Interv_OI":"' || ? || '-' || g
       || '","PM":"FI-BENCH-0001","PBO":[],"Debut_Inter":"2026-11-24T09:00:00+01:00"}',
       now(), now(), now()
from generate_series(1, ?) g
