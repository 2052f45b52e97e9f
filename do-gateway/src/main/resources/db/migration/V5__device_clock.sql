-- How far the technician's device clock was from the gateway's when the start / the end was captured
-- (device minus gateway, seconds, as the tool measured it): the timestamps are declared as captured,
-- a large offset tells the DO they may be off by as much.
alter table intervention add column start_clock_offset_s integer;
alter table intervention add column end_clock_offset_s integer;
