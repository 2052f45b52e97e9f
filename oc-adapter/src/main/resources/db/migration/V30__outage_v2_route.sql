-- The route fields v2 tells of a line (M5TX), fed by the OC's supervision beside v1's; any may be unknown.
alter table outage
    add column module_pm                  varchar(256),   -- nomModulePM
    add column position_coupleur_oc       varchar(256),   -- positionCoupleurOC
    add column numero_serie_ont           varchar(50),    -- numeroSerieONT
    add column couleur_jarretiere         varchar(30),    -- couleurJarretiere
    add column reference_prestation_prise varchar(30);    -- referencePrestationPrise

-- How far the outage feed has told everything: the latest time of an event it delivered (events
-- come in time order from one supervision). A line test is answered once this passes its time.
create table outage_feed (
    id             integer      primary key check (id = 1),
    settled_up_to  timestamptz  not null
);
