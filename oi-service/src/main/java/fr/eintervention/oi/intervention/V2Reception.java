package fr.eintervention.oi.intervention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.delivery.Outbox;
import fr.eintervention.model.v2.CompteRenduInterventionDO;
import fr.eintervention.model.v2.CompteRenduInterventionOI;
import fr.eintervention.model.v2.CreerInterventionDO;
import fr.eintervention.model.v2.ModifierInterventionDO;
import fr.eintervention.oi.intervention.Interventions.Received;
import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.Referential;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Mapped;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.Refusal;
import fr.eintervention.protocol.v2.V2ToV1;

/**
 * The OI receiving v2's M1, M3 and repair report, validated by v2's rules before they get here.
 * M1/M3 become the same intervention as v1's ({@link DeclarationReception}), with what v1 lacks kept
 * ({@link V2Details}); a refusal is v2's, with a label the operation lists. The report is kept byte
 * for byte and relayed to each OC present in its version: a v2 OC gets it (after what was queued
 * before it), a v1 OC cannot (v1 has no such message) and its loss is recorded (decision 0029).
 * Which DO may send v2 is decision 0060.
 */
@Service
public class V2Reception {

    /** What the DO is answered: both references. */
    public record Receipt(String refDo, String refOi) {
    }

    private static final Logger log = LoggerFactory.getLogger(V2Reception.class);

    private final DeclarationReception declarations;
    private final Interventions interventions;
    private final Referential referential;
    private final Outbox outbox;
    private final RelayLosses losses;
    private final TransactionTemplate transaction;
    private final Clock clock;

    V2Reception(DeclarationReception declarations, Interventions interventions, Referential referential, Outbox outbox,
            RelayLosses losses, TransactionTemplate transaction, Clock clock) {
        this.declarations = declarations;
        this.interventions = interventions;
        this.referential = referential;
        this.outbox = outbox;
        this.losses = losses;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Receipt receive(CreerInterventionDO m1, String rawPayload) {
        return declare(Declaration.from(m1), Message.M1, rawPayload);
    }

    public Receipt receive(ModifierInterventionDO m3, String rawPayload) {
        return declare(Declaration.from(m3), Message.M3, rawPayload);
    }

    private Receipt declare(Declaration declaration, Message message, String rawPayload) {
        DeclarationReception.Receipt receipt = declarations.receive(declaration, rawPayload, unknown -> switch (unknown) {
            // v2 has no CODE_DO_INCONNU either: as in v1 (decision 0010)
            case DO -> message.refuse(ErrorCode.MAUVAIS_FORMAT, "codeDO", "DO inconnu de l'OI: " + declaration.codeDo());
            case OI -> message.refuse(ErrorCode.CODE_OI_INCONNU, "codeOI", "codeOI inconnu: " + declaration.codeOi());
            case PM -> message.refuse(ErrorCode.PM_INCONNU, "pointMutualisation.refPM", "PM inconnu: " + declaration.pm());
            // an M1 carrying an end has no M3TX_NON_DEMANDE: its nearest label
            case NO_TEST -> message.refuse(message.errors().contains(ErrorCode.M3TX_NON_DEMANDE) ? ErrorCode.M3TX_NON_DEMANDE
                    : ErrorCode.MAUVAIS_FORMAT, "dateFinIntervention", DeclarationReception.TEST_REQUIRED);
        });
        return new Receipt(declaration.refDo(), receipt.refOi());
    }

    /** The repair report after M3: kept as received, relayed to each OC present at the intervention's PM. */
    public Receipt receive(CompteRenduInterventionDO report, String rawPayload) {
        Message message = Message.REPORT_DO;
        if (!referential.isDo(report.getCodeDO())) {
            throw message.refuse(ErrorCode.MAUVAIS_FORMAT, "codeDO", "DO inconnu de l'OI: " + report.getCodeDO());
        }
        if (!referential.isOwnCode(report.getCodeOI())) {
            throw message.refuse(ErrorCode.CODE_OI_INCONNU, "codeOI", "codeOI inconnu: " + report.getCodeOI());
        }
        return transaction.execute(status -> {
            Intervention intervention = interventions.lock(report.getCodeDO(), report.getRefIntervDO())
                    .orElseThrow(() -> unknownReference(message, "refIntervDO", report.getRefIntervDO()));
            if (report.getRefIntervOI() != null && !report.getRefIntervOI().equals(intervention.refOi())) {
                throw unknownReference(message, "refIntervOI", report.getRefIntervOI());
            }
            Instant now = clock.instant();
            interventions.recordMessage(intervention, new Received("CR", DeclarationOutcome.RECEIVED, now,
                    rawPayload != null ? rawPayload : "{}", Partner.V2));
            relay(intervention, report, now);
            return new Receipt(intervention.refDo(), intervention.refOi());
        });
    }

    private static Refusal unknownReference(Message message, String field, String value) {
        return message.refuse(ErrorCode.REF_INTERV_INCONNUE, field, "intervention inconnue de l'OI: " + value);
    }

    private void relay(Intervention intervention, CompteRenduInterventionDO report, Instant now) {
        List<String> operators = referential.operatorsAt(intervention.pm(), intervention.codeOi(), true).orElse(List.of());
        Map<String, String> versions = operators.isEmpty() ? Map.of() : referential.versionsOf(operators);
        CompteRenduInterventionOI relayed = new CompteRenduInterventionOI()
                .codeOI(intervention.codeOi())
                .refIntervOI(intervention.refOi())
                .message(Message.REPORT_OI.flux())
                .lignesImpactees(report.getLignesImpactees())
                .lignesRetablies(report.getLignesRetablies());
        List<OutboundMessage> messages = new ArrayList<>();
        for (String oc : operators) {
            if (Partner.V2.equals(versions.get(oc))) {
                messages.add(new OutboundMessage(oc, "CR", intervention.refOi(), Relays.V2_REPORT_PATH, relayed));
            } else {
                Mapped<Void> notSent = V2ToV1.report(relayed);
                losses.record(intervention, oc, "CR", false, notSent.losses(), now);
            }
        }
        outbox.enqueueAll(messages);
        log.info("CR {} relayed to {} of {}", intervention.refOi(), messages.size(), operators);
    }
}
