-- Demo only (the demo profile adds this location): the PMs of the demo OI's referential, and one it
-- does not know (to see a refusal, PM_INCONNU, and its correction).
insert into pm_list (code_oi, pm, label, updated_at) values
    ('OI01', 'FI-35238-0001', 'Rennes, rue de Saint-Malo', now()),
    ('OI01', 'FI-35238-0002', 'Rennes, boulevard de la Liberté', now()),
    ('OI01', 'FI-75056-0003', 'Paris 11e, rue Oberkampf', now())
on conflict (code_oi, pm) do nothing;
