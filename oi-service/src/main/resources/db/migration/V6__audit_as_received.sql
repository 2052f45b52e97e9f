-- The audit keeps each received M1/M3/M5 exactly as it came (jsonb reordered keys, dropped
-- duplicate keys and normalised numbers and spaces): the request body's text, unchanged.
alter table intervention_message alter column payload type text using payload::text;
alter table oc_report alter column payload type text using payload::text;
