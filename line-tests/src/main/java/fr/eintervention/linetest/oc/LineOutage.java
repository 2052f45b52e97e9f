package fr.eintervention.linetest.oc;

import fr.eintervention.linetest.Route;

import java.time.Instant;

/**
 * One outage of a customer line on the intervention's PM, as the OC's supervision reported it;
 * any value may be unknown ({@code null}).
 *
 * @param downAt     when the line went down
 * @param upAt       when it came back, if it did
 * @param powerCut   the customer's equipment lost power (dying gasp): never the technician's doing
 * @param terminated the customer has terminated their contract
 */
public record LineOutage(String pto, Route route, Instant downAt, Instant upAt, boolean powerCut, boolean terminated) {
}
