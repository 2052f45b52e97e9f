package fr.eintervention.dogateway.intervention;

import java.util.List;

import org.springframework.stereotype.Component;

import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.NaturePBOPTO;
import fr.eintervention.protocol.Timestamps;

/** M1 and M3 as sent: the contract's body built from what the intervention records. */
@Component
class ProtocolMessages {

    static final String PATH = "/v1/intervention_DO";

    private final String codeDo;
    private final Timestamps timestamps;

    ProtocolMessages(DoGatewayProperties properties, Timestamps timestamps) {
        this.codeDo = properties.code();
        this.timestamps = timestamps;
    }

    /** M1 (no Fin_Inter, the expected natures) or M3 (the same with Fin_Inter and the final natures). */
    InterventionDO message(Intervention intervention, Kind kind) {
        Content content = intervention.content();
        InterventionDO message = new InterventionDO()
                .codeDO(codeDo)
                .codeOI(content.codeOi())
                .refIntervDO(intervention.ref())
                .PM(content.pm())
                .naturePBOPTO(entries(kind == Kind.M1 ? content.natures() : content.endNatures()))
                .debutInter(content.start() == null ? null : timestamps.toOffset(content.start()));
        if (kind == Kind.M3) {
            message.finInter(timestamps.toOffset(content.end()));
        }
        return message;
    }

    /** M1 and M3 go to the same endpoint, a POST. */
    String path(Kind kind) {
        return PATH;
    }

    /**
     * The contract's enum cannot hold a nature outside 1..4: such an entry goes without one (the
     * request was refused for it already, this is only built to find the other faults).
     */
    private static List<NaturePBOPTO> entries(List<NatureEntry> natures) {
        return natures.stream()
                .map(entry -> new NaturePBOPTO()
                        .nature(entry.nature() >= 1 && entry.nature() <= 4 ? NaturePBOPTO.NatureEnum.fromValue(entry.nature()) : null)
                        .PBO(entry.pbo()).PTO(entry.pto()))
                .toList();
    }
}
