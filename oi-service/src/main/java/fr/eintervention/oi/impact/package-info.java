/** Flux 3 at the OI: the M5s received, their impacted customers. */
package fr.eintervention.oi.impact;
