-- The version of the protocol each partner speaks (v1 or v2): what a DO sends is read in its
-- version, and what is relayed to an OC is rendered in its version. Every partner speaks v1
-- until an operator says otherwise.
alter table partner add column protocol_version varchar(2) not null default 'v1'
    check (protocol_version in ('v1', 'v2'));

-- a bulk import of partners may give each one's version (an absent column keeps the version it had)
alter table referential_import_partner add column protocol_version varchar(2);
