package fr.eintervention.dogateway.intervention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.intervention.Declaration.Kind;
import fr.eintervention.protocol.Timestamps;

/**
 * Where an intervention stands, for the tool: what the gateway recorded, and for each M1/M3 the
 * delivery engine's own view of its message (attempts so far, next try; also an outcome the
 * listener is about to record, or an operator's re-send).
 */
@Component
class InterventionViews {

    private final Deliveries deliveries;
    private final OiAnswers answers;
    private final CaptureRules rules;
    private final Timestamps timestamps;
    private final DoGatewayProperties properties;

    InterventionViews(Deliveries deliveries, OiAnswers answers, CaptureRules rules, Timestamps timestamps,
            DoGatewayProperties properties) {
        this.deliveries = deliveries;
        this.answers = answers;
        this.rules = rules;
        this.timestamps = timestamps;
        this.properties = properties;
    }

    InterventionView of(Intervention intervention) {
        Content content = intervention.content();
        return new InterventionView(intervention.ref(), intervention.technicianId(), content.codeOi(), content.pm(),
                content.ended() ? InterventionView.State.ENDED : InterventionView.State.STARTED,
                offset(content.start()), offset(content.end()), content.natures(), content.endNatures(),
                intervention.refIntervOi().orElse(null),
                intervention.declaration(Kind.M1).map(this::of).orElse(null),
                intervention.declaration(Kind.M3).map(this::of).orElse(null),
                rules.warnings(content));
    }

    private InterventionView.DeclarationView of(Declaration recorded) {
        Optional<DeliveryRecord> message = deliveries.byId(recorded.deliveryId());
        Declaration declaration = message.map(record -> current(recorded, record)).orElse(recorded);
        InterventionView.Status status = switch (declaration.status()) {
            case QUEUED -> declaration.attempts() > 0 ? InterventionView.Status.SENDING : InterventionView.Status.QUEUED;
            case ACKNOWLEDGED -> InterventionView.Status.ACKNOWLEDGED;
            case REJECTED -> InterventionView.Status.REJECTED;
            case FAILED -> InterventionView.Status.FAILED;
        };
        boolean onItsWay = declaration.status() == Declaration.Status.QUEUED;
        return new InterventionView.DeclarationView(status, declaration.attempts(), offset(declaration.queuedAt()),
                offset(declaration.answeredAt()), declaration.answer(),
                offset(declaration.correctableUntil(properties.correctionWindow())),
                onItsWay ? message.map(DeliveryRecord::nextAttemptAt).map(this::offset).orElse(null) : null,
                onItsWay ? message.map(DeliveryRecord::lastError).orElse(null) : null);
    }

    /** The engine is ahead of what was recorded: its outcome, or the message on its way again. */
    private Declaration current(Declaration recorded, DeliveryRecord message) {
        return answers.outcome(message)
                .map(status -> recorded.withOutcome(status, message.attempts(), answers.answer(message), message.updatedAt()))
                .orElseGet(() -> recorded.onItsWay(message.attempts()));
    }

    private OffsetDateTime offset(Instant instant) {
        return instant == null ? null : timestamps.toOffset(instant);
    }
}
