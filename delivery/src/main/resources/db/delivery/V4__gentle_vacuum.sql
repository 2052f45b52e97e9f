-- Every message is written two or three times (queued, sent, its result), so autovacuum visits
-- this table often, and at PostgreSQL's default pace (2 ms of rest per 200 pages) a visit takes
-- a CPU core for seconds: on a busy 2-core server, deliveries stalled for 3 s while it ran.
-- Ten times gentler, a visit takes longer and leaves the CPU to deliveries; it still keeps up
-- with hundreds of messages a second.
alter table delivery_message set (autovacuum_vacuum_cost_delay = 20);
