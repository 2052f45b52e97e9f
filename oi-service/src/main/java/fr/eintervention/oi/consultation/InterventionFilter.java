package fr.eintervention.oi.consultation;

import java.time.Instant;

/**
 * Which interventions to list; every criterion is optional.
 *
 * @param from      Debut_Inter at or after
 * @param to        Debut_Inter before
 * @param state     OPEN (no M3 yet), ENDED, or IMPACTED (at least one customer down within the window)
 * @param reference any part of a Ref_Interv_OI or of a Ref_Interv_DO, case aside
 */
public record InterventionFilter(String pm, String codeDo, Instant from, Instant to, State state, String reference) {

    public InterventionFilter(String pm, String codeDo, Instant from, Instant to, State state) {
        this(pm, codeDo, from, to, state, null);
    }

    public enum State { OPEN, ENDED, IMPACTED }
}
