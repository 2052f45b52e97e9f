-- The demo with Lot 2's line tests (profile "line-tests"; runs after db/sample's
-- R__sample_referential, whose name sorts first): DO01 speaks v2 and receives the OCs' answers
-- (M6TX) at its gateway; OC01 and OC02 speak v2 and are asked each test (M4TX); OC03 stays v1
-- (present at FI-35238-0002 only, not testable).
update partner set protocol_version = 'v2', base_url = 'http://localhost:8080' where code = 'DO01';
update partner set protocol_version = 'v2' where code in ('OC01', 'OC02');
