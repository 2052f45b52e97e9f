-- Sample PM list for the demo (profile "demo"): the PMs of the demo OI (oi-service's sample
-- referential). With a list loaded, an M2/M4 for any other PM is answered PM_INCONNU.
insert into pm (code) values
    ('FI-35238-0001'),
    ('FI-35238-0002'),
    ('FI-75056-0003')
on conflict (code) do nothing;
