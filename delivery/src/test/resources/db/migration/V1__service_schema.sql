-- The test service's own schema, migrated by Spring Boot's Flyway before the delivery engine's:
-- the engine's migration must work on a schema that is not empty.
create table intervention (ref varchar(50) primary key);
