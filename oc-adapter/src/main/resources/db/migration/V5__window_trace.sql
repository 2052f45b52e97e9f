-- the trace (W3C traceparent) of the last M2/M4 received for the intervention: its M5 continues it
alter table intervention_window add column traceparent varchar(200);
