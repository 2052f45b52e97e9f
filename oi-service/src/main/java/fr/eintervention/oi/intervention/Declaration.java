package fr.eintervention.oi.intervention;

import java.time.Instant;
import java.util.List;

import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.NaturePBOPTO;

/**
 * An M1 or M3 as the OI understands it, once validated: timestamps as instants.
 * An M3 is an M1 with {@code Fin_Inter}.
 */
record Declaration(String codeDo, String codeOi, String refDo, String pm, List<NatureEntry> natures,
        Instant start, Instant end) {

    static Declaration from(InterventionDO message) {
        List<NatureEntry> natures = message.getNaturePBOPTO().stream()
                .map(Declaration::entry).toList();
        return new Declaration(message.getCodeDO(), message.getCodeOI(), message.getRefIntervDO(), message.getPM(),
                natures, message.getDebutInter().toInstant(),
                message.getFinInter() == null ? null : message.getFinInter().toInstant());
    }

    private static NatureEntry entry(NaturePBOPTO entry) {
        return new NatureEntry(entry.getNature().getValue(), entry.getPBO(), entry.getPTO());
    }

    boolean isEnd() {
        return end != null;
    }

    String kind() {
        return isEnd() ? "M3" : "M1";
    }
}
