package fr.eintervention.oi.intervention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.NaturePBOPTO;
import fr.eintervention.model.v2.CreerInterventionDO;
import fr.eintervention.model.v2.ModifierInterventionDO;
import fr.eintervention.model.v2.PointMutualisation;
import fr.eintervention.protocol.v2.Nature;

/**
 * An M1 or M3 as the OI understands it, once validated, whichever version it came in: timestamps
 * as instants, natures as v1's triplets. An M3 is an M1 with an end.
 *
 * @param version {@code v1} or {@code v2}: the version it came in
 * @param v2      what a v2 declaration says beyond v1's fields; null for v1
 */
record Declaration(String codeDo, String codeOi, String refDo, String pm, List<NatureEntry> natures,
        Instant start, Instant end, String version, V2Details v2) {

    /** A v1 declaration. */
    Declaration(String codeDo, String codeOi, String refDo, String pm, List<NatureEntry> natures, Instant start, Instant end) {
        this(codeDo, codeOi, refDo, pm, natures, start, end, "v1", null);
    }

    static Declaration from(InterventionDO message) {
        List<NatureEntry> natures = message.getNaturePBOPTO().stream()
                .map(Declaration::entry).toList();
        return new Declaration(message.getCodeDO(), message.getCodeOI(), message.getRefIntervDO(), message.getPM(),
                natures, message.getDebutInter().toInstant(),
                message.getFinInter() == null ? null : message.getFinInter().toInstant());
    }

    /** A v2 M1: one nature, at most one PBO and one PTO; its nature's v1 value in the triplet. */
    static Declaration from(CreerInterventionDO m) {
        return v2(m.getCodeDO(), m.getCodeOI(), m.getRefIntervDO(), m.getPointMutualisation(), m.getNature().getValue(),
                m.getElementReseau() == null ? null : m.getElementReseau().getValue(), m.getReferencePrestationPrise(),
                m.getRefPBO(), m.getRefPTO(), m.getDateDebutIntervention(), m.getDateFinIntervention());
    }

    /** A v2 M3: a v2 M1 with its end. */
    static Declaration from(ModifierInterventionDO m) {
        return v2(m.getCodeDO(), m.getCodeOI(), m.getRefIntervDO(), m.getPointMutualisation(), m.getNature().getValue(),
                m.getElementReseau() == null ? null : m.getElementReseau().getValue(), m.getReferencePrestationPrise(),
                m.getRefPBO(), m.getRefPTO(), m.getDateDebutIntervention(), m.getDateFinIntervention());
    }

    private static Declaration v2(String codeDo, String codeOi, String refDo, PointMutualisation pm, String natureCode,
            String element, String referencePrestationPrise, String pbo, String pto, OffsetDateTime start, OffsetDateTime end) {
        Nature nature = Nature.of(natureCode);
        V2Details details = new V2Details(nature.code(), pm.getRefPMTechnique(), element, referencePrestationPrise);
        return new Declaration(codeDo, codeOi, refDo, pm.getRefPM(),
                List.of(new NatureEntry(nature.v1(), blankToNull(pbo), blankToNull(pto))),
                start.toInstant(), end == null ? null : end.toInstant(), "v2", details);
    }

    private static NatureEntry entry(NaturePBOPTO entry) {
        return new NatureEntry(entry.getNature().getValue(), entry.getPBO(), entry.getPTO());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    boolean isEnd() {
        return end != null;
    }

    String kind() {
        return isEnd() ? "M3" : "M1";
    }
}
