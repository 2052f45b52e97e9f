-- The PMs where the OC has customers. Optional: while empty, every PM is accepted in M2/M4;
-- once loaded, an M2/M4 for another PM is answered PM_INCONNU.
create table pm (
    code  varchar(50) primary key check (code ~ '^[0-9A-Za-z_-]{1,50}$')
);
