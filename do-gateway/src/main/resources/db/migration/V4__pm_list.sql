-- The DO's own list of the PMs it works on, per OI: suggestions for the technicians' tools (any PM may
-- still be declared; the OI's referential decides). Loaded by an operator (PUT /admin/pms/{oi}).
create table pm_list (
    code_oi    varchar(4)   not null,
    pm         varchar(50)  not null,
    label      varchar(200),                  -- where it is (address, street cabinet), as the DO names it
    updated_at timestamptz  not null,
    primary key (code_oi, pm)
);
