package fr.eintervention.dogateway.intervention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.protocol.Timestamps;

/**
 * Where an intervention stands, for the tool: what the gateway recorded and, while an M1/M3 is on
 * its way, the delivery engine's progress (attempts so far, next try, last error).
 */
@Component
class InterventionViews {

    private final Deliveries deliveries;
    private final CaptureRules rules;
    private final Timestamps timestamps;
    private final DoGatewayProperties properties;
    private final Interventions interventions;

    InterventionViews(Deliveries deliveries, CaptureRules rules, Timestamps timestamps, DoGatewayProperties properties,
            Interventions interventions) {
        this.interventions = interventions;
        this.deliveries = deliveries;
        this.rules = rules;
        this.timestamps = timestamps;
        this.properties = properties;
    }

    InterventionView of(Intervention intervention) {
        Content content = intervention.content();
        InterventionView.DeclarationView m1 = intervention.declaration(Kind.M1).map(this::of).orElse(null);
        InterventionView.DeclarationView m3 = intervention.declaration(Kind.M3).map(this::of).orElse(null);
        return new InterventionView(intervention.ref(), intervention.technicianId(), content.codeOi(), content.pm(),
                content.ended() ? InterventionView.State.ENDED : InterventionView.State.STARTED,
                offset(content.start()), offset(content.end()), content.natures(), content.endNatures(),
                refIntervOi(m1, m3), m1, m3, warnings(content, intervention.deviceClock()),
                intervention.deviceClock().startOffsetSeconds(), intervention.deviceClock().endOffsetSeconds(),
                intervention.id() == null ? null : interventions.report(intervention.id()).map(this::of).orElse(null));
    }

    /** The report as the engine tells it: its outcome and the OI's answer (a v2 answer, read by the engine). */
    private InterventionView.ReportView of(Interventions.StoredReport report) {
        Optional<DeliveryRecord> message = deliveries.byId(report.deliveryId());
        InterventionView.Status status = message.map(record -> switch (record.status()) {
            case DELIVERED -> InterventionView.Status.ACKNOWLEDGED;
            case REJECTED -> InterventionView.Status.REJECTED;
            case FAILED -> InterventionView.Status.FAILED;
            default -> record.attempts() > 0 ? InterventionView.Status.SENDING : InterventionView.Status.QUEUED;
        }).orElse(InterventionView.Status.QUEUED);
        OiAnswer answer = message.filter(record -> record.answerCode() != null || record.answerLabel() != null)
                .map(record -> new OiAnswer(record.answerCode(), record.answerLabel(), record.answerDescription(), null))
                .orElse(null);
        return new InterventionView.ReportView(status, message.map(DeliveryRecord::attempts).orElse(0),
                offset(report.queuedAt()), answer, report.linesImpacted(), report.linesRestored());
    }

    /** The capture rules' warnings, and a device clock far from the gateway's when a time was captured. */
    private List<String> warnings(Content content, DeviceClock clock) {
        List<String> warnings = new ArrayList<>(rules.warnings(content));
        clockWarning(warnings, "start", clock.startOffsetSeconds());
        clockWarning(warnings, "end", clock.endOffsetSeconds());
        return warnings;
    }

    private static void clockWarning(List<String> warnings, String moment, Integer offset) {
        if (offset != null && Math.abs(offset) > DeviceClock.LARGE_SECONDS) {
            warnings.add("the device clock was " + Math.abs(offset) + " s " + (offset > 0 ? "ahead of" : "behind")
                    + " the gateway's when the " + moment + " was captured: the " + moment + " may be off by as much");
        }
    }

    /** One per DO reference: given in R M1, or in R M3 when M1 never got through. */
    private static String refIntervOi(InterventionView.DeclarationView... declarations) {
        return Stream.of(declarations)
                .filter(Objects::nonNull)
                .map(InterventionView.DeclarationView::answer)
                .filter(answer -> answer != null && answer.refIntervOi() != null)
                .map(OiAnswer::refIntervOi)
                .findFirst().orElse(null);
    }

    private InterventionView.DeclarationView of(SentDeclaration recorded) {
        Optional<DeliveryRecord> message = deliveries.byId(recorded.deliveryId());
        SentDeclaration declaration = message.map(record -> current(recorded, record)).orElse(recorded);
        InterventionView.Status status = switch (declaration.status()) {
            case QUEUED -> declaration.attempts() > 0 ? InterventionView.Status.SENDING : InterventionView.Status.QUEUED;
            case ACKNOWLEDGED -> InterventionView.Status.ACKNOWLEDGED;
            case REJECTED -> InterventionView.Status.REJECTED;
            case FAILED -> InterventionView.Status.FAILED;
        };
        Optional<DeliveryRecord> retrying = message.filter(record -> status == InterventionView.Status.SENDING);
        return new InterventionView.DeclarationView(status, declaration.attempts(), offset(declaration.queuedAt()),
                offset(declaration.answeredAt()), declaration.answer(),
                offset(declaration.correctableUntil(properties.correctionWindow())),
                retrying.map(DeliveryRecord::nextAttemptAt).map(this::offset).orElse(null),
                retrying.map(DeliveryRecord::lastError).orElse(null));
    }

    /**
     * While the engine sends the message (again, when an operator re-sent it), how far it got.
     * An outcome shows once the listener recorded it, so that what the tool sees is what a
     * correction is decided on.
     */
    private static SentDeclaration current(SentDeclaration recorded, DeliveryRecord message) {
        boolean onItsWay = message.status() == DeliveryStatus.PENDING || message.status() == DeliveryStatus.SENDING;
        return onItsWay || recorded.status() == SentDeclaration.Status.QUEUED ? recorded.onItsWay(message.attempts()) : recorded;
    }

    /** To the second, with the offset of Europe/Paris: what a technician reads. */
    private OffsetDateTime offset(Instant instant) {
        return instant == null ? null : timestamps.toOffset(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
