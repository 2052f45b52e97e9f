package fr.eintervention.oc.outage;

import java.time.Instant;
import java.util.List;

/**
 * The fields of an outage event, the same in JSON and in CSV: the protocol's names for the
 * line's optical route, then the outage itself, then the route fields only v2 carries (v2's names).
 * Only {@code PM} is mandatory.
 */
final class OutageEvent {

    static final String PTO = "PTO";
    static final String PM = "PM";
    static final String PBO = "PBO";
    static final String TUBE = "Tube";
    static final String FIBRE = "Fibre";
    static final String POSITION = "Position_PM_Module_OI";
    static final String DOWN_AT = "downAt";
    static final String UP_AT = "upAt";
    static final String CAUSE = "cause";
    static final String TERMINATED = "terminated";
    static final String MODULE = "nomModulePM";
    static final String COUPLER = "positionCoupleurOC";
    static final String ONT = "numeroSerieONT";
    static final String PATCH_CORD = "couleurJarretiere";
    static final String SERVICE = "referencePrestationPrise";
    static final List<String> FIELDS = List.of(PTO, PM, PBO, TUBE, FIBRE, POSITION, DOWN_AT, UP_AT, CAUSE, TERMINATED,
            MODULE, COUPLER, ONT, PATCH_CORD, SERVICE);

    private OutageEvent() {
    }

    /** The outage, or {@code null} when a field is at fault (each one reported by the reader). */
    static Outage read(FieldReader reader) {
        String pm = reader.pm(PM);
        String pto = reader.text(PTO, 50);
        String pbo = reader.text(PBO, 100);
        String tube = reader.text(TUBE, 50);
        String fibre = reader.text(FIBRE, 50);
        String position = reader.text(POSITION, 100);
        Instant downAt = reader.timestamp(DOWN_AT);
        Instant upAt = reader.timestamp(UP_AT);
        if (downAt != null && upAt != null && upAt.isBefore(downAt)) {
            reader.fault(UP_AT, "not before downAt expected");
        }
        Cause cause = reader.choice(CAUSE, Cause.class, Cause.UNKNOWN);
        boolean terminated = reader.flag(TERMINATED);
        Outage.V2Route v2Route = new Outage.V2Route(reader.text(MODULE, 256), reader.text(COUPLER, 256),
                reader.text(ONT, 50), reader.text(PATCH_CORD, 30), reader.text(SERVICE, 30));
        return reader.valid()
                ? new Outage(pm, pto, pbo, tube, fibre, position, downAt, upAt, cause, terminated, v2Route)
                : null;
    }
}
