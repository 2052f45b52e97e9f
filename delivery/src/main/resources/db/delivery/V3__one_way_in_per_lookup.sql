-- One index per way the engine looks for messages, none of them reachable by another lookup.
-- The status index served every status, and drew the planner away from the right index:
--  * under a sudden backlog (an OC back after an outage), on statistics taken while nothing
--    waited, claims read and sorted every waiting message of the partner through it, instead of
--    the few first in the index on due messages (100 ms a claim of 16 under a backlog of 10,000,
--    instead of 1.6 ms);
--  * the results of attempts (by id, SENDING) were joined through its SENDING entries rather than
--    the primary key: every message passes through SENDING, so that part of the index is mostly
--    dead entries between vacuums (1.2 ms a batch instead of 0.4 ms).
-- Waiting messages are now only in the index on due messages, leases only in the index below
-- (a lease is set exactly while a message is SENDING), and FAILED or REJECTED messages, which the
-- backlog figures and re-sends look for, in their own.
drop index delivery_message_status;
create index delivery_message_lease on delivery_message (lease_until) where lease_until is not null;
create index delivery_message_unsettled on delivery_message (partner, status) where status in ('FAILED', 'REJECTED');
