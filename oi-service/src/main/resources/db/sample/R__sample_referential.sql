-- Sample referential for the demo (profile "demo"): one OI (OI01), three OCs, three PMs.
insert into partner (code, name, base_url, flux3) values
    ('OC01', 'Opérateur commercial 1', 'http://localhost:8082', true),
    ('OC02', 'Opérateur commercial 2', 'http://localhost:8083', true),
    ('OC03', 'Opérateur commercial 3 (sans flux 3)', 'http://localhost:8084', false),
    ('DO01', 'Donneur d''ordre 1', null, false)
on conflict (code) do nothing;

-- DO01 declares interventions
update partner set acts_as_do = true where code = 'DO01';

insert into pm (code, code_oi) values
    ('FI-35238-0001', 'OI01'),
    ('FI-35238-0002', 'OI01'),
    ('FI-75056-0003', 'OI01')
on conflict (code) do nothing;

insert into pm_operator (pm, oc) values
    ('FI-35238-0001', 'OC01'),
    ('FI-35238-0001', 'OC02'),
    ('FI-35238-0002', 'OC02'),
    ('FI-35238-0002', 'OC03')
on conflict do nothing;
