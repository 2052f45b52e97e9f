-- Why the adapter could not send an intervention's M5 (e.g. larger than the OI takes): with
-- m5_outcome FAILED, the OC's tools show it instead of a silent loss.
alter table intervention_window add column m5_failure varchar(300);
