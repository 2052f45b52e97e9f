package fr.eintervention.oi.consultation;

/**
 * Figures over a period for one DO or one PM.
 *
 * @param rate interventions with impacted customers / interventions (0 when none)
 */
public record Statistics(String key, long interventions, long interventionsWithImpact, long impactedCustomers,
        double rate) {

    static Statistics of(String key, long interventions, long withImpact, long customers) {
        return new Statistics(key, interventions, withImpact, customers,
                interventions == 0 ? 0 : Math.round(10000.0 * withImpact / interventions) / 10000.0);
    }
}
