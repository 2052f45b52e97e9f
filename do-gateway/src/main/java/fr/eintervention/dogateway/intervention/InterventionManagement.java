package fr.eintervention.dogateway.intervention;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * What other capabilities may ask of the package that owns the interventions' tables: their
 * deletion once past retention.
 */
@Component
public class InterventionManagement {

    private final Interventions interventions;

    InterventionManagement(Interventions interventions) {
        this.interventions = interventions;
    }

    /**
     * Deletes the interventions that started before {@code limit}, with their declarations; one
     * whose M1 or M3 is still queued is kept until it has gone.
     *
     * @return how many interventions were deleted
     */
    public int deleteStartedBefore(Instant limit) {
        return interventions.deleteStartedBefore(limit);
    }
}
