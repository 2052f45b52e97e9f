/** The benchmark in production's shape: durable PostgreSQL, the OI and its partners as separate processes. */
package fr.eintervention.bench.shape;
