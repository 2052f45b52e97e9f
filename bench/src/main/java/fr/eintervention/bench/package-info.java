/** Benchmarks of the OI's delivery and consultation, run by hand; results in BENCHMARKS.md. */
package fr.eintervention.bench;
