package fr.eintervention.oc.intervention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v1.PBO;

/**
 * An M2 or M4 as the OC understands it, once validated: timestamps as instants, the PBOs as a
 * plain list. An M4 is an M2 with {@code Fin_Inter}.
 */
record WindowMessage(String codeOi, String refOi, String pm, List<String> pbos, Instant start, Instant end) {

    static WindowMessage from(InterventionOI message) {
        List<String> pbos = message.getPBO() == null ? List.of()
                : message.getPBO().stream().map(PBO::getPBO).filter(Objects::nonNull).toList();
        return new WindowMessage(message.getCodeOI(), message.getRefIntervOI(), message.getPM(), pbos,
                message.getDebutInter().toInstant(),
                message.getFinInter() == null ? null : message.getFinInter().toInstant());
    }

    boolean isEnd() {
        return end != null;
    }

    String kind() {
        return isEnd() ? "M4" : "M2";
    }
}
