-- Generated interventions up to the given number in all, spread over the year 2026 whatever their number
-- (parameters: the number, the number again): 500 PMs, 20 DOs, 5% with impacted customers
insert into intervention (ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter,
                          start_received, created_at, updated_at, impacted_customers)
select 'OIGEN-' || g, 'DO' || lpad((g % 20)::text, 2, '0'), 'GEN-' || g, 'OI01',
       'FI-GEN-' || (g % 500), d, d + interval '90 minutes', true, d, d,
       case when g % 20 = 0 then 1 + g % 3 else 0 end
from generate_series((select count(*) + 1 from intervention where ref_interv_oi like 'OIGEN-%'), ?) g,
     lateral (select timestamptz '2026-01-01 00:00:00+00' + (g * (interval '1 year' / ?)) as d) t
