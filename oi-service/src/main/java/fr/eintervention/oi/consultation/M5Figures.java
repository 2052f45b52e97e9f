package fr.eintervention.oi.consultation;

/**
 * The M5 of one OC over the interventions of a period that were sent to it.
 *
 * @param expected the OC is in flux 3: one M5 per intervention
 * @param received M5 received
 * @param awaited  expected, not received, still in time
 * @param missing  expected, not received, the day of the intervention's end over
 */
public record M5Figures(String oc, long expected, long received, long awaited, long missing) {
}
