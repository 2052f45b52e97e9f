-- Which partners may declare interventions (M1/M3) as a DO: an M1/M3 whose Code_DO is not one of
-- them is refused (MAUVAIS_FORMAT, the contract having no CODE_DO_INCONNU).
alter table partner add column acts_as_do boolean not null default false;

-- the partners that already declared interventions keep doing so
update partner set acts_as_do = true where code in (select distinct code_do from intervention);
