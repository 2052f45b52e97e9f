/**
 * The benchmarks in production's shape: durable PostgreSQL, the services as separate processes (the
 * OI and its partners; the line tests' round trip across the DO gateway, the OI and the OC adapters).
 */
package fr.eintervention.bench.shape;
