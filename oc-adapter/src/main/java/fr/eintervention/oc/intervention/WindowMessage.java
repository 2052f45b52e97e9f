package fr.eintervention.oc.intervention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v1.PBO;

/**
 * An M2 or M4 as the OC understands it, once validated, whatever its version: timestamps as
 * instants, the PBOs as a plain list. An M4 is an M2 with an end.
 *
 * @param pbos    the PBOs; {@code null} when the message carries none at all (a v2 M4): those
 *                already known are kept
 * @param details what v2 carries that v1 lacks ({@link Details#V1} for a v1 message)
 */
record WindowMessage(String codeOi, String refOi, String pm, List<String> pbos, Instant start, Instant end,
        Details details) {

    /**
     * What a v2 M2/M4 carries beyond v1's fields; any may be absent ({@code null}).
     *
     * @param version         {@code v1} or {@code v2}, the version the message came in
     * @param refPmTechnique  {@code pointMutualisation.refPMTechnique}
     * @param elementReseau   {@code elementReseau}
     * @param description     {@code description}
     * @param dateTestFinFroid {@code dateTestFinFroid} (M4)
     */
    record Details(String version, String refPmTechnique, String elementReseau, String description,
            Instant dateTestFinFroid) {

        static final Details V1 = new Details("v1", null, null, null, null);
    }

    static WindowMessage from(InterventionOI message) {
        List<String> pbos = message.getPBO() == null ? List.of()
                : message.getPBO().stream().map(PBO::getPBO).filter(Objects::nonNull).toList();
        return new WindowMessage(message.getCodeOI(), message.getRefIntervOI(), message.getPM(), pbos,
                message.getDebutInter().toInstant(),
                message.getFinInter() == null ? null : message.getFinInter().toInstant(), Details.V1);
    }

    boolean isEnd() {
        return end != null;
    }

    String kind() {
        return isEnd() ? "M4" : "M2";
    }
}
