package fr.eintervention.oi.consultation;

import java.time.Instant;

/** An intervention in a list. */
public record InterventionSummary(String refIntervOi, String codeDo, String refIntervDo, String codeOi, String pm,
        Instant debutInter, Instant finInter, boolean lateStart, int impactedCustomers) {
}
