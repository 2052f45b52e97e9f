/** An embedded PostgreSQL started when no database URL is configured (fresh machine, demo, tests). */
package fr.eintervention.localpostgres;
