-- The protocol's bound: a message not delivered within 24 hours of being queued (or re-sent by an
-- operator) is FAILED, whatever made it wait (retries, an open circuit, a partner asking to slow
-- down). Messages waiting when this version is installed get their bound from when they were
-- queued, but keep the attempt already scheduled (an operator may have re-sent an old message: the
-- time of that re-send was not kept).
alter table delivery_message add column give_up_at timestamptz;
update delivery_message set give_up_at = greatest(created_at + interval '24 hours', next_attempt_at + interval '1 hour')
where status in ('PENDING', 'SENDING');

-- The hand-off of final outcomes to the service (its DeliveryListener beans): set in the statement
-- that stores the outcome, cleared in the transaction in which the service records it. An outcome
-- still unreported after a crash is reported again by the next instance to look.
alter table delivery_message add column unreported boolean not null default false;
create index delivery_message_unreported on delivery_message (id) where unreported;
