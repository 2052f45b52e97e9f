package fr.eintervention.oi.intervention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.oi.OiProperties;
import fr.eintervention.oi.intervention.Interventions.Received;
import fr.eintervention.oi.referential.Referential;
import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v1.ProtocolViolation;

/**
 * Flux 1 at the OI: checks an M1/M3 against the referential, applies it to its intervention
 * under a row lock (one OI reference per DO reference, even under concurrent identical
 * messages) and queues M2/M4, all in one transaction. A refused message leaves nothing stored.
 */
@Service
public class DeclarationReception {

    /** What the DO is answered. */
    public record Receipt(String refOi, DeclarationOutcome outcome) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeclarationReception.class);

    private final Interventions interventions;
    private final Referential referential;
    private final References references;
    private final WindowRenderer notifications;
    private final PmCorrections pmCorrections;
    private final OiProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DeclarationReception(Interventions interventions, Referential referential, References references,
            WindowRenderer notifications, PmCorrections pmCorrections, OiProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.interventions = interventions;
        this.referential = referential;
        this.references = references;
        this.notifications = notifications;
        this.pmCorrections = pmCorrections;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Receipt receive(InterventionDO message, String rawPayload) {
        Declaration declaration = Declaration.from(message);
        if (!referential.isDo(declaration.codeDo())) {
            // the contract has no CODE_DO_INCONNU (the spec lists it as a future answer)
            throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, List.of(new Fault("Code_DO", "DO inconnu de l'OI")),
                    "Code_DO inconnu de l'OI: " + declaration.codeDo());
        }
        if (!referential.isOwnCode(declaration.codeOi())) {
            throw new ProtocolViolation(Answer.CODE_OI_INCONNU, "Code_OI inconnu: " + declaration.codeOi());
        }
        // a retired PM takes no new intervention; the end of one that started there is still forwarded
        List<String> operators = referential.operatorsAt(declaration.pm(), declaration.codeOi(), "M3".equals(declaration.kind()))
                .orElseThrow(() -> new ProtocolViolation(Answer.PM_INCONNU, "PM inconnu: " + declaration.pm()));
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> apply(declaration, operators, rawPayload));
            } catch (DuplicateKeyException e) {
                // two random references collided: draw another one
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** @param operators the OCs present at the declaration's PM */
    private Receipt apply(Declaration declaration, List<String> operators, String rawPayload) {
        Instant now = Instant.now(clock);
        String payload = rawPayload != null ? rawPayload : "{}";
        Optional<Intervention> existing = interventions.lock(declaration.codeDo(), declaration.refDo());
        Intervention intervention;
        DeclarationOutcome outcome;
        if (existing.isPresent()) {
            intervention = existing.get();
            outcome = intervention.receive(declaration, now, properties.lateStartThreshold());
            Received message = new Received(declaration.kind(), outcome, now, payload);
            if (outcome == DeclarationOutcome.DUPLICATE) {
                interventions.recordMessage(intervention, message);
            } else {
                interventions.update(intervention, message);
            }
        } else {
            intervention = Intervention.unknown(references.next(declaration.codeOi(), now),
                    declaration.codeDo(), declaration.refDo());
            outcome = intervention.receive(declaration, now, properties.lateStartThreshold());
            if (!interventions.insertIfAbsent(intervention, new Received(declaration.kind(), outcome, now, payload))) {
                // an identical message created it concurrently: apply ours to that one
                return apply(declaration, operators, rawPayload);
            }
        }
        notifications.queue(intervention, operators);
        pmCorrections.withdraw(intervention, operators, now);
        log.info("{} {}/{} -> {} {}{}", declaration.kind(), declaration.codeDo(), declaration.refDo(),
                intervention.refOi(), outcome, intervention.lateStart() ? " (late start)" : "");
        return new Receipt(intervention.refOi(), outcome);
    }
}
