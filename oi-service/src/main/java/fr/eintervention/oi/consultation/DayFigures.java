package fr.eintervention.oi.consultation;

/**
 * The interventions started over a period (a day, typically).
 *
 * @param started    interventions whose Debut_Inter is in the period
 * @param open       of them, not ended yet (no M3)
 * @param ended      of them, ended
 * @param withImpact of them, with at least one impacted customer
 * @param customers  impacted customers, all of them
 * @param lateStarts of them, whose M1 came late (flag {@code late_start})
 */
public record DayFigures(long started, long open, long ended, long withImpact, long customers, long lateStarts) {
}
