-- A corrected M1/M3 that moves an intervention to another PM withdraws it from the OCs of the
-- former PM that are not at the new one: each is sent an M4 for the former PM whose Fin_Inter is
-- its Debut_Inter (a window of no duration), and owes no M5. What each was told is kept here, so
-- that a re-send of that M4 says the same. (docs/explanation/protocol-rules-decided.md)
create table intervention_withdrawal (
    intervention_id  bigint       not null references intervention (id) on delete cascade,
    oc               varchar(4)   not null,
    pm               varchar(50)  not null,            -- the former PM, as the OC was told
    debut_inter      timestamptz  not null,            -- the Debut_Inter the OC was told
    pbos             text         not null,            -- the PBOs the OC was told, a JSON array
    withdrawn_at     timestamptz  not null,
    primary key (intervention_id, oc)
);
