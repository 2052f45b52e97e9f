-- The operations console finds an intervention by either reference: Ref_Interv_OI has its unique
-- index; Ref_Interv_DO alone (without Code_DO) needs this one, or a search reads every row.
create index intervention_ref_interv_do on intervention (ref_interv_do);
