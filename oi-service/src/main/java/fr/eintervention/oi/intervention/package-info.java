/** Flux 1 and 2 at the OI: M1/M3 received and decided, M2/M4 queued to the OCs present at the PM. */
package fr.eintervention.oi.intervention;
