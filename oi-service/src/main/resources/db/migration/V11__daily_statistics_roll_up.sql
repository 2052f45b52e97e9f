-- Daily roll-up of the statistics (docs/decisions/0012-daily-statistics-roll-up.md): for each settled
-- day, the interventions that started that day (Debut_Inter in the OI's zone) counted per DO and PM
-- and per DO,
-- so that statistics over whole past days read these rows instead of every intervention.

-- a day of the roll-up: its span [start, end) in the zone the OI was configured with when it was
-- settled; spans never overlap, so an instant belongs to at most one settled day
create table settled_day (
    day         date         primary key,
    span        tstzrange    not null,
    zone        text         not null,
    settled_at  timestamptz  not null,
    constraint settled_day_spans_apart exclude using gist (span with &&)
);

-- the settled days' figures, one row per day, DO and PM; never a row with no intervention
create table intervention_day (
    day            date         not null references settled_day (day) on delete cascade,
    code_do        varchar(4)   not null,
    pm             varchar(50)  not null,
    interventions  bigint       not null,
    with_impact    bigint       not null,
    customers      bigint       not null,
    primary key (day, code_do, pm)
);

-- the same per day and DO only, read by the statistics by DO and by day: a month of it is a few
-- hundred rows whatever the number of PMs
create table intervention_day_do (
    day            date         not null references settled_day (day) on delete cascade,
    code_do        varchar(4)   not null,
    interventions  bigint       not null,
    with_impact    bigint       not null,
    customers      bigint       not null,
    primary key (day, code_do)
);

-- Any later change to an intervention of a settled day (a late M1, a correction that moves it to
-- another day or PM, an M5, the retention purge) is applied to the roll-up here, in the same
-- transaction: the roll-up stays exact. An intervention of a day not settled costs one index probe.

-- adds one intervention's figures (sign 1) or takes them away (sign -1) on the settled day of `at`, if any
create function intervention_day_add(at timestamptz, do_code varchar, pm_code varchar, impacted integer, sign integer)
returns void language plpgsql as $$
declare
    settled date;
    impact integer := case when impacted > 0 then sign else 0 end;
begin
    select s.day into settled from settled_day s where s.span @> at;
    if not found then
        return;
    end if;
    insert into intervention_day as d (day, code_do, pm, interventions, with_impact, customers)
    values (settled, do_code, pm_code, sign, impact, sign * impacted)
    on conflict (day, code_do, pm) do update
        set interventions = d.interventions + excluded.interventions,
            with_impact = d.with_impact + excluded.with_impact,
            customers = d.customers + excluded.customers;
    insert into intervention_day_do as d (day, code_do, interventions, with_impact, customers)
    values (settled, do_code, sign, impact, sign * impacted)
    on conflict (day, code_do) do update
        set interventions = d.interventions + excluded.interventions,
            with_impact = d.with_impact + excluded.with_impact,
            customers = d.customers + excluded.customers;
    if sign < 0 then
        delete from intervention_day
        where day = settled and code_do = do_code and pm = pm_code and interventions = 0;
        delete from intervention_day_do
        where day = settled and code_do = do_code and interventions = 0;
    end if;
end $$;

create function intervention_day_after_update() returns trigger language plpgsql as $$
begin
    perform intervention_day_add(old.debut_inter, old.code_do, old.pm, old.impacted_customers, -1);
    perform intervention_day_add(new.debut_inter, new.code_do, new.pm, new.impacted_customers, 1);
    return null;
end $$;

create trigger intervention_day_update
    after update of debut_inter, code_do, pm, impacted_customers on intervention
    for each row
    when (old.debut_inter is distinct from new.debut_inter or old.code_do is distinct from new.code_do
          or old.pm is distinct from new.pm or old.impacted_customers is distinct from new.impacted_customers)
    execute function intervention_day_after_update();

-- inserts and deletes are applied per statement, set-wise: a bulk load or the retention purge of
-- a whole day costs one join, not one call per row
create function intervention_day_after_insert() returns trigger language plpgsql as $$
begin
    with added as (
        select s.day, n.code_do, n.pm, count(*) as interventions,
               count(*) filter (where n.impacted_customers > 0) as with_impact, sum(n.impacted_customers) as customers
        from inserted n join settled_day s on s.span @> n.debut_inter
        group by s.day, n.code_do, n.pm),
    per_pm as (
        insert into intervention_day as d (day, code_do, pm, interventions, with_impact, customers)
        select day, code_do, pm, interventions, with_impact, customers from added
        on conflict (day, code_do, pm) do update
            set interventions = d.interventions + excluded.interventions,
                with_impact = d.with_impact + excluded.with_impact,
                customers = d.customers + excluded.customers)
    insert into intervention_day_do as d (day, code_do, interventions, with_impact, customers)
    select day, code_do, sum(interventions), sum(with_impact), sum(customers) from added group by day, code_do
    on conflict (day, code_do) do update
        set interventions = d.interventions + excluded.interventions,
            with_impact = d.with_impact + excluded.with_impact,
            customers = d.customers + excluded.customers;
    return null;
end $$;

create trigger intervention_day_insert
    after insert on intervention
    referencing new table as inserted
    for each statement
    execute function intervention_day_after_insert();

-- the rows that fall to zero interventions are deleted, the others lowered
create function intervention_day_after_delete() returns trigger language plpgsql as $$
begin
    with gone as (
        select s.day, o.code_do, o.pm, count(*) as interventions,
               count(*) filter (where o.impacted_customers > 0) as with_impact, sum(o.impacted_customers) as customers
        from deleted o join settled_day s on s.span @> o.debut_inter
        group by s.day, o.code_do, o.pm),
    gone_do as (
        select day, code_do, sum(interventions) as interventions, sum(with_impact) as with_impact,
               sum(customers) as customers
        from gone group by day, code_do),
    emptied as (
        delete from intervention_day d using gone g
        where d.day = g.day and d.code_do = g.code_do and d.pm = g.pm and d.interventions = g.interventions),
    lowered as (
        update intervention_day d
        set interventions = d.interventions - g.interventions,
            with_impact = d.with_impact - g.with_impact,
            customers = d.customers - g.customers
        from gone g
        where d.day = g.day and d.code_do = g.code_do and d.pm = g.pm and d.interventions <> g.interventions),
    emptied_do as (
        delete from intervention_day_do d using gone_do g
        where d.day = g.day and d.code_do = g.code_do and d.interventions = g.interventions)
    update intervention_day_do d
    set interventions = d.interventions - g.interventions,
        with_impact = d.with_impact - g.with_impact,
        customers = d.customers - g.customers
    from gone_do g
    where d.day = g.day and d.code_do = g.code_do and d.interventions <> g.interventions;
    return null;
end $$;

create trigger intervention_day_delete
    after delete on intervention
    referencing old table as deleted
    for each statement
    execute function intervention_day_after_delete();

-- a truncated intervention table leaves nothing to roll up
create function intervention_day_after_truncate() returns trigger language plpgsql as $$
begin
    delete from settled_day;
    return null;
end $$;

create trigger intervention_day_truncate
    after truncate on intervention
    for each statement
    execute function intervention_day_after_truncate();
