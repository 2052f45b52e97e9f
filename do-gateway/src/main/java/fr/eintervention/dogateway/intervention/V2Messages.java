package fr.eintervention.dogateway.intervention;

import java.util.List;

import org.springframework.stereotype.Component;

import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.model.v2.CreerInterventionDO;
import fr.eintervention.model.v2.ModifierInterventionDO;
import fr.eintervention.model.v2.PointMutualisation;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.Nature;

/**
 * M1 and M3 as sent to an OI that speaks v2 ({@code /v2/interventions-do}, POST then PUT): one
 * nature, one PBO and one PTO per intervention (the field API's single entry), the network element
 * worked on told by what is given (the PTO, else the PBO, else the PM).
 */
@Component
class V2Messages {

    static final String PATH = "/v2/interventions-do";

    private final String codeDo;
    private final Timestamps timestamps;

    V2Messages(DoGatewayProperties properties, Timestamps timestamps) {
        this.codeDo = properties.code();
        this.timestamps = timestamps;
    }

    /** M1 ({@link CreerInterventionDO}) or M3 ({@link ModifierInterventionDO}, with the end and the final nature). */
    Object message(Intervention intervention, Kind kind) {
        Content content = intervention.content();
        NatureEntry entry = first(kind == Kind.M1 ? content.natures() : content.endNatures());
        CreerInterventionDO m1 = new CreerInterventionDO()
                .codeDO(codeDo)
                .codeOI(content.codeOi())
                .message(Message.M1.flux())
                .refIntervDO(intervention.ref())
                .pointMutualisation(new PointMutualisation().refPM(content.pm()).refPMTechnique(content.pm()))
                .nature(nature(entry))
                .elementReseau(CreerInterventionDO.ElementReseauEnum.fromValue(element(entry)))
                .refPBO(entry.pbo())
                .refPTO(entry.pto())
                .dateDebutIntervention(content.start() == null ? null : timestamps.toOffset(content.start()));
        if (kind == Kind.M1) {
            return m1;
        }
        return new ModifierInterventionDO()
                .codeDO(m1.getCodeDO())
                .codeOI(m1.getCodeOI())
                .message(Message.M3.flux())
                .refIntervDO(m1.getRefIntervDO())
                .pointMutualisation(m1.getPointMutualisation())
                .nature(m1.getNature() == null ? null : ModifierInterventionDO.NatureEnum.fromValue(m1.getNature().getValue()))
                .elementReseau(ModifierInterventionDO.ElementReseauEnum.fromValue(element(entry)))
                .refPBO(m1.getRefPBO())
                .refPTO(m1.getRefPTO())
                .dateDebutIntervention(m1.getDateDebutIntervention())
                .dateFinIntervention(timestamps.toOffset(content.end()));
    }

    /** M1 is a POST, M3 a PUT of the same path; the engine keeps M1 before M3 for one reference. */
    String path(Kind kind) {
        return kind == Kind.M1 ? PATH : "PUT " + PATH;
    }

    private static NatureEntry first(List<NatureEntry> natures) {
        return natures == null || natures.isEmpty() ? new NatureEntry(null, null, null) : natures.get(0);
    }

    /**
     * The nature's wire value; one outside v2's list goes without one (the request was refused for
     * it already, this is only built to find the other faults).
     */
    private static CreerInterventionDO.NatureEnum nature(NatureEntry entry) {
        Nature nature = entry.nature() == null ? null : Nature.of(String.valueOf(entry.nature()));
        return nature == null ? null : CreerInterventionDO.NatureEnum.fromValue(nature.code());
    }

    /** The PTO when one is given, else the PBO, else the PM. */
    private static String element(NatureEntry entry) {
        return entry.pto() != null ? "PTO" : entry.pbo() != null ? "PBO" : "PM";
    }
}
