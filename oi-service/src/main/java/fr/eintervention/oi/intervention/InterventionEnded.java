package fr.eintervention.oi.intervention;

import java.time.Instant;

/**
 * Published, inside the accepting transaction, when an M3 (either version) ends an intervention or
 * corrects its end: the line tests open the end's round.
 */
public record InterventionEnded(String refOi, Instant end, Instant receivedAt) {
}
