-- Each running instance's heartbeat: one row, renewed every third of the lease, however many
-- messages the instance holds. A message SENDING under an owner whose row has lapsed (or has none)
-- is taken over by the others once its claim's lease_until has passed; renewing each held
-- message's lease instead rewrote thousands of rows every two seconds under a backlog.
create table delivery_instance (
    owner        varchar(100) primary key,   -- delivery_message.lease_owner
    started_at   timestamptz  not null,
    alive_until  timestamptz  not null       -- past it, the instance is presumed dead
);
