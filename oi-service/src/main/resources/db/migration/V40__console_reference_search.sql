-- The operations console finds an intervention by any part of either reference (e.g. the
-- random part of a Ref_Interv_OI, as a DO reads it out on the phone). A trigram index answers
-- "contains" without reading every row. pg_trgm ships with PostgreSQL (contrib) and is a trusted
-- extension: the owner of the database may create it.
create extension if not exists pg_trgm;
create index intervention_references_trigram on intervention
    using gin ((ref_interv_oi || ' ' || ref_interv_do) gin_trgm_ops);
