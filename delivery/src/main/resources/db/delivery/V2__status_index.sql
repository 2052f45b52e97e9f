-- The partial index on SENDING messages drew the planner away from the primary key when an
-- attempt was recorded (`where id = ? and status = 'SENDING'`): it scanned every leased entry,
-- dead ones included, 1.3 ms per message under load. A plain index on (status, lease_until)
-- finds expired leases as well and leaves the lookups by id to the primary key; it also serves
-- the backlog figures, which the (partner, status) index served.
drop index delivery_message_leased;
drop index delivery_message_partner_status;
create index delivery_message_status on delivery_message (status, lease_until);
