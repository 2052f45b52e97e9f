package fr.eintervention.oi.intervention;

import java.util.List;

import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v2.CreerInterventionOI;
import fr.eintervention.model.v2.ModifierInterventionOI;
import fr.eintervention.model.v2.PointMutualisation;
import fr.eintervention.model.v2.PointMutualisation1;
import fr.eintervention.oi.referential.Partner;
import fr.eintervention.protocol.v2.Mapped;
import fr.eintervention.protocol.v2.V1ToV2;
import fr.eintervention.protocol.v2.V2ToV1;

/**
 * An M2/M4 in the version of the OC it goes to, with what that version cannot carry. The OI builds
 * every M2/M4 in v1 first (its intervention's triplets); an OC speaking v2 gets it mapped to v2
 * (decision 0028), with what the intervention's own v2 declaration said put back (technical PM,
 * network element); an OC speaking v1 gets the v1 message, and when the intervention was declared
 * in v2 the losses are those of the v2 message in v1 (decision 0029). One place for the versions
 * of a relay: nothing else in the OI asks which version an OC speaks.
 */
final class Relays {

    /** v1's M2/M4 endpoint, at the OC. */
    static final String V1_PATH = WindowRenderer.PATH;
    /** v2's M2 endpoint (POST); M4 is a PUT there. */
    static final String V2_PATH = "/v2/interventions-oi";
    /** v2's repair report endpoint, at the OC. */
    static final String V2_REPORT_PATH = "/v2/interventions-oi/compte-rendu";
    /** how the delivery engine is told to PUT rather than POST */
    private static final String PUT = "PUT ";

    private Relays() {
    }

    /** The endpoint of that notification in that version (the delivery engine's path, its method first when not POST). */
    static String path(String version, Intervention.Notification notification) {
        if (!Partner.V2.equals(version)) {
            return V1_PATH;
        }
        return notification == Intervention.Notification.M4 ? PUT + V2_PATH : V2_PATH;
    }

    /** The version of a queued message, from its path. */
    static String version(String path) {
        return path != null && path.replace(PUT, "").startsWith("/v2/") ? Partner.V2 : Partner.V1;
    }

    /**
     * The M2/M4 {@code v1} (built from the intervention) in {@code version}, and its losses.
     */
    static Mapped<?> in(String version, Intervention intervention, InterventionOI v1) {
        if (Partner.V2.equals(version)) {
            return v2(intervention, v1);
        }
        if (intervention.v2() == null) {
            return new Mapped<>(v1, List.of());
        }
        // declared in v2, relayed in v1: what the v2 message would have said and v1's cannot
        Mapped<?> v2 = v2(intervention, v1);
        List<fr.eintervention.protocol.v2.Loss> lost = v2.message() instanceof ModifierInterventionOI m4
                ? V2ToV1.m4(m4, intervention.pbos()).losses()
                : V2ToV1.m2((CreerInterventionOI) v2.message()).losses();
        return new Mapped<>(v1, lost);
    }

    private static Mapped<?> v2(Intervention intervention, InterventionOI v1) {
        // the v2 declaration speaks of the intervention's PM: not put back in the M4 that withdraws it from a former one
        V2Details details = intervention.pm().equals(v1.getPM()) ? intervention.v2() : null;
        if (v1.getFinInter() == null) {
            Mapped<CreerInterventionOI> m2 = V1ToV2.m2(v1);
            if (details != null) {
                m2.message().pointMutualisation(new PointMutualisation().refPM(v1.getPM()).refPMTechnique(details.refPmTechnique()));
                if (details.elementReseau() != null) {
                    m2.message().elementReseau(CreerInterventionOI.ElementReseauEnum.fromValue(details.elementReseau()));
                }
            }
            return m2;
        }
        Mapped<ModifierInterventionOI> m4 = V1ToV2.m4(v1, V1ToV2.COLD_TEST_DELAY);
        if (details != null) {
            m4.message().pointMutualisation(new PointMutualisation1().refPM(v1.getPM()).refPMTechnique(details.refPmTechnique()));
            if (details.elementReseau() != null) {
                m4.message().elementReseau(ModifierInterventionOI.ElementReseauEnum.fromValue(details.elementReseau()));
            }
        }
        return m4;
    }
}
