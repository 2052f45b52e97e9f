package fr.eintervention.oi.intervention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    /** Why an end is refused for want of a line test (decision 0080). */
    static final String TEST_REQUIRED = "aucun test de lignes (M3TX) demande: l'OI en requiert un avant la fin d'intervention";

    private final Interventions interventions;
    private final Referential referential;
    private final References references;
    private final WindowRenderer notifications;
    private final PmCorrections pmCorrections;
    private final OiProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<EndRule> endRules;

    DeclarationReception(Interventions interventions, Referential referential, References references,
            WindowRenderer notifications, PmCorrections pmCorrections, OiProperties properties,
            TransactionTemplate transaction, Clock clock, ApplicationEventPublisher events, List<EndRule> endRules) {
        this.events = events;
        this.endRules = List.copyOf(endRules);
        this.interventions = interventions;
        this.referential = referential;
        this.references = references;
        this.notifications = notifications;
        this.pmCorrections = pmCorrections;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Why a declaration is refused before it is applied: what the referential does not know (DO, OI,
     * PM), or an end without the line test the OI requires (NO_TEST, decision 0080). Each version
     * says it in its own words.
     */
    enum Refused { DO, OI, PM, NO_TEST }

    /** A v1 M1/M3. */
    public Receipt receive(InterventionDO message, String rawPayload) {
        Declaration declaration = Declaration.from(message);
        return receive(declaration, rawPayload, unknown -> switch (unknown) {
            // the contract has no CODE_DO_INCONNU (the spec lists it as a future answer)
            case DO -> new ProtocolViolation(Answer.MAUVAIS_FORMAT, List.of(new Fault("Code_DO", "DO inconnu de l'OI")),
                    "Code_DO inconnu de l'OI: " + declaration.codeDo());
            case OI -> new ProtocolViolation(Answer.CODE_OI_INCONNU, "Code_OI inconnu: " + declaration.codeOi());
            case PM -> new ProtocolViolation(Answer.PM_INCONNU, "PM inconnu: " + declaration.pm());
            // v1 has no M3TX_NON_DEMANDE: its nearest answer (decision 0080)
            case NO_TEST -> new ProtocolViolation(Answer.MAUVAIS_FORMAT, List.of(new Fault("Fin_Inter", TEST_REQUIRED)),
                    TEST_REQUIRED);
        });
    }

    /**
     * A declaration in either version, checked against the referential.
     *
     * @param refusal the version's words for a refusal
     */
    Receipt receive(Declaration declaration, String rawPayload, Function<Refused, RuntimeException> refusal) {
        if (!referential.isDo(declaration.codeDo())) {
            throw refusal.apply(Refused.DO);
        }
        if (!referential.isOwnCode(declaration.codeOi())) {
            throw refusal.apply(Refused.OI);
        }
        // a retired PM takes no new intervention; the end of one that started there is still forwarded
        List<String> operators = referential.operatorsAt(declaration.pm(), declaration.codeOi(), "M3".equals(declaration.kind()))
                .orElseThrow(() -> refusal.apply(Refused.PM));
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> apply(declaration, operators, rawPayload, refusal));
            } catch (DuplicateKeyException e) {
                // two random references collided: draw another one
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** @param operators the OCs present at the declaration's PM */
    private Receipt apply(Declaration declaration, List<String> operators, String rawPayload,
            Function<Refused, RuntimeException> refusal) {
        Instant now = Instant.now(clock);
        String payload = rawPayload != null ? rawPayload : "{}";
        Optional<Intervention> existing = interventions.lock(declaration.codeDo(), declaration.refDo());
        Intervention intervention;
        DeclarationOutcome outcome;
        if (existing.isPresent()) {
            intervention = existing.get();
            if (declaration.isEnd() && !intervention.isEnded()
                    && !endRules.stream().allMatch(rule -> rule.allowsEnd(existing.get().refOi(), declaration.end()))) {
                throw refusal.apply(Refused.NO_TEST);
            }
            outcome = intervention.receive(declaration, now, properties.lateStartThreshold());
            Received message = new Received(declaration.kind(), outcome, now, payload, declaration.version());
            if (outcome == DeclarationOutcome.DUPLICATE) {
                interventions.recordMessage(intervention, message);
            } else {
                interventions.update(intervention, message);
            }
        } else {
            intervention = Intervention.unknown(references.next(declaration.codeOi(), now),
                    declaration.codeDo(), declaration.refDo());
            outcome = intervention.receive(declaration, now, properties.lateStartThreshold());
            if (!interventions.insertIfAbsent(intervention, new Received(declaration.kind(), outcome, now, payload, declaration.version()))) {
                // an identical message created it concurrently: apply ours to that one
                return apply(declaration, operators, rawPayload, refusal);
            }
        }
        notifications.queue(intervention, operators);
        if (declaration.isEnd() && (outcome == DeclarationOutcome.NEW || outcome == DeclarationOutcome.CORRECTED)) {
            events.publishEvent(new InterventionEnded(intervention.refOi(), intervention.end(), now));
        }
        pmCorrections.withdraw(intervention, operators, now);
        log.info("{} {}/{} -> {} {}{}", declaration.kind(), declaration.codeDo(), declaration.refDo(),
                intervention.refOi(), outcome, intervention.lateStart() ? " (late start)" : "");
        return new Receipt(intervention.refOi(), outcome);
    }
}
