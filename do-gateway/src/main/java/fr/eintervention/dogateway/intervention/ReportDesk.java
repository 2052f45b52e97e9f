package fr.eintervention.dogateway.intervention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.delivery.Outbox;
import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.ProtocolVersion;
import fr.eintervention.dogateway.referential.OiDirectory;
import fr.eintervention.model.v2.CompteRenduInterventionDO;
import fr.eintervention.model.v2.LigneImpacte;
import fr.eintervention.model.v2.LigneRetablie;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Fault;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.MessageValidator;
import fr.eintervention.protocol.v2.Refusal;
import fr.eintervention.web.Conflict;
import fr.eintervention.web.NotFound;
import tools.jackson.databind.ObjectMapper;

/**
 * The repair report after the end, where the OI speaks v2: checked as the OI would check it (v2's
 * rules), stored and queued in one transaction after the M3 (the engine keeps the order for one
 * reference and one OI). Sent once: the same report posted again changes nothing.
 */
@Service
public class ReportDesk {

    static final String KIND = "CR";
    static final String PATH = "/v2/interventions-do/compte-rendu";

    private final Interventions interventions;
    private final OiDirectory directory;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final MessageValidator validator;
    private final ObjectMapper mapper;
    private final InterventionViews views;
    private final String codeDo;
    private final Clock clock;

    ReportDesk(Interventions interventions, OiDirectory directory, Outbox outbox, TransactionTemplate transaction,
            ObjectMapper mapper, Timestamps timestamps, InterventionViews views, DoGatewayProperties properties,
            Clock clock) {
        this.interventions = interventions;
        this.directory = directory;
        this.outbox = outbox;
        this.transaction = transaction;
        this.validator = new MessageValidator(mapper, timestamps);
        this.mapper = mapper;
        this.views = views;
        this.codeDo = properties.code();
        this.clock = clock;
    }

    /** Queues the report of an ended intervention whose OI speaks v2. */
    public InterventionView send(String ref, RepairReport request) {
        List<ReportLine> impacted = request.linesImpacted() == null ? List.of() : request.linesImpacted();
        List<ReportLine> restored = request.linesRestored() == null ? List.of() : request.linesRestored();
        return views.of(transaction.execute(status -> {
            Intervention intervention = interventions.lock(ref).orElseThrow(() -> new NotFound("no intervention " + ref));
            Content content = intervention.content();
            if (directory.version(content.codeOi()) != ProtocolVersion.V2) {
                throw new Conflict(content.codeOi() + " speaks v1, which has no repair report");
            }
            if (!content.ended()) {
                throw new Conflict("not ended yet: the repair report follows the end (POST /interventions/" + ref + "/end)");
            }
            Optional<Interventions.StoredReport> earlier = interventions.report(intervention.id());
            if (earlier.isPresent()) {
                if (earlier.get().linesImpacted().equals(impacted) && earlier.get().linesRestored().equals(restored)) {
                    return intervention;
                }
                throw new Conflict("the repair report of " + ref + " was already sent");
            }
            CompteRenduInterventionDO message = message(intervention, impacted, restored);
            check(message);
            long deliveryId = outbox.enqueue(new OutboundMessage(content.codeOi(), KIND, ref, PATH, message));
            interventions.insertReport(intervention.id(), impacted, restored, deliveryId, Instant.now(clock));
            return intervention;
        }));
    }

    private CompteRenduInterventionDO message(Intervention intervention, List<ReportLine> impacted, List<ReportLine> restored) {
        return new CompteRenduInterventionDO()
                .codeDO(codeDo)
                .codeOI(intervention.content().codeOi())
                .message(Message.REPORT_DO.flux())
                .refIntervDO(intervention.ref())
                .refIntervOI(intervention.declaration(SentDeclaration.Kind.M1)
                        .or(() -> intervention.declaration(SentDeclaration.Kind.M3))
                        .map(SentDeclaration::answer).map(OiAnswer::refIntervOi).orElse(null))
                .lignesImpactees(impacted.stream().map(line -> new LigneImpacte().refPTO(line.pto())
                        .referencePrestationPrise(line.serviceReference()).numeroSerieONT(line.ontSerial())).toList())
                .lignesRetablies(restored.stream().map(line -> new LigneRetablie().refPTO(line.pto())
                        .referencePrestationPrise(line.serviceReference()).numeroSerieONT(line.ontSerial())).toList());
    }

    /** The OI's v2 rules on the report; each fault named as the field API names it. */
    private void check(CompteRenduInterventionDO message) {
        try {
            validator.validate(Message.REPORT_DO, mapper.valueToTree(message));
        } catch (Refusal refusal) {
            Errors errors = new Errors();
            for (Fault fault : refusal.faults()) {
                errors.add(apiField(fault.field()), fault.code() == ErrorCode.CHAMPS_NON_RENSEIGNE ? "required" : fault.reason(),
                        fault.code());
            }
            if (refusal.faults().isEmpty()) {
                errors.add("report", refusal.description(), refusal.code());
            }
            errors.throwIfAny();
        }
    }

    /** {@code lignesImpactees[0].refPTO} is {@code linesImpacted[0].pto}... */
    private static String apiField(String field) {
        return field.replace("lignesImpactees", "linesImpacted").replace("lignesRetablies", "linesRestored")
                .replace("refPTO", "pto").replace("referencePrestationPrise", "serviceReference")
                .replace("numeroSerieONT", "ontSerial");
    }
}
