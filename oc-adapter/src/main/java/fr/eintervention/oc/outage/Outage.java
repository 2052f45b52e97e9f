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
 * @param v2Route    the route fields only v2 carries (M5TX)
 */
public record Outage(String pm, String pto, String pbo, String tube, String fibre, String position,
        Instant downAt, Instant upAt, Cause cause, boolean terminated, V2Route v2Route) {

    public Outage {
        if (v2Route == null) {
            v2Route = V2Route.UNKNOWN;
        }
    }

    /** An outage of which only v1's route fields are known. */
    public Outage(String pm, String pto, String pbo, String tube, String fibre, String position,
            Instant downAt, Instant upAt, Cause cause, boolean terminated) {
        this(pm, pto, pbo, tube, fibre, position, downAt, upAt, cause, terminated, V2Route.UNKNOWN);
    }

    /**
     * The route fields v2 names beside v1's; any may be unknown ({@code null}).
     *
     * @param moduleName       {@code nomModulePM}
     * @param couplerPosition  {@code positionCoupleurOC}
     * @param ontSerial        {@code numeroSerieONT}
     * @param patchCordColour  {@code couleurJarretiere}
     * @param serviceReference {@code referencePrestationPrise}
     */
    public record V2Route(String moduleName, String couplerPosition, String ontSerial, String patchCordColour,
            String serviceReference) {

        public static final V2Route UNKNOWN = new V2Route(null, null, null, null, null);
    }
}
