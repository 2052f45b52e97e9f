package fr.eintervention.oc.outage;

import java.time.Instant;

/**
 * One outage of a customer line, as the OC's supervision reported it. Everything but the PM
 * may be unknown ({@code null}).
 *
 * @param position   the line's position at the PM ({@code Position_PM_Module_OI})
 * @param downAt     when the line went down
 * @param upAt       when it came back, if it did
 * @param terminated the customer has terminated their contract
 */
public record Outage(String pm, String pto, String pbo, String tube, String fibre, String position,
        Instant downAt, Instant upAt, Cause cause, boolean terminated) {
}
