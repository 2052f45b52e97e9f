package fr.eintervention.dogateway.intervention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.Outbox;
import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.web.Conflict;
import fr.eintervention.web.InvalidInput;
import fr.eintervention.web.NotFound;

/**
 * The field API's use cases: start (possibly with the end), end, correct a rejected declaration,
 * and where things stand. Each change is checked as the OI would check it, then stored and its
 * M1/M3 queued in one transaction; the engine sends them right after the commit.
 */
@Service
public class CaptureDesk {

    /** @param created false when the capture had already been received (the tool posted it again) */
    public record Started(InterventionView intervention, boolean created) {
    }

    private static final Logger log = LoggerFactory.getLogger(CaptureDesk.class);

    private final Interventions interventions;
    private final CaptureRules rules;
    private final References references;
    private final OutboundDeclarations messages;
    private final InterventionViews views;
    private final Outbox outbox;
    private final DoGatewayProperties properties;
    private final TransactionTemplate transaction;
    private final Timestamps timestamps;
    private final Clock clock;

    CaptureDesk(Interventions interventions, CaptureRules rules, References references,
            OutboundDeclarations messages, InterventionViews views, Outbox outbox, DoGatewayProperties properties,
            TransactionTemplate transaction, Timestamps timestamps, Clock clock) {
        this.interventions = interventions;
        this.rules = rules;
        this.references = references;
        this.messages = messages;
        this.views = views;
        this.outbox = outbox;
        this.properties = properties;
        this.transaction = transaction;
        this.timestamps = timestamps;
        this.clock = clock;
    }

    /**
     * A new presence period, with a new reference: M1 is queued, and M3 after it when the end is
     * given too. A capture posted again (same idempotency key) returns the period already created.
     */
    public Started start(NewIntervention request, String idempotencyKey) {
        // every fault of the request is collected, so that the technician fixes them in one go
        Errors errors = new Errors();
        String technicianId = rules.text(errors, "technicianId", request.technicianId(), true);
        String captureId = rules.captureId(errors, idempotencyKey, request.deviceCaptureId());
        Instant start = rules.timestamp(errors, "start", request.start());
        Instant end = rules.timestamp(errors, "end", request.end());
        List<NatureEntry> natures = rules.natures(errors, "natures", request.natures(), request.codeOi());
        List<NatureEntry> endNatures = request.endNatures() == null ? null
                : rules.natures(errors, "endNatures", request.endNatures(), request.codeOi());
        rules.endNaturesWithEnd(errors, endNatures, request.end());
        Content content = new Content(request.codeOi(), request.pm(), natures, start, null, null);
        if (end != null) {
            content = content.withEnd(end, endNatures);
        }
        Instant day = start != null ? start : now();
        DeviceClock deviceClock = new DeviceClock(request.startClockOffsetSeconds(),
                end != null ? request.endClockOffsetSeconds() : null);
        Intervention intervention = Intervention.begin(references.next(day), technicianId, captureId, content)
                .withDeviceClock(deviceClock);
        rules.check(errors, intervention, endNatures != null ? "endNatures" : "natures");
        for (int attempt = 1; ; attempt++) {
            Optional<Intervention> earlier = captureId == null ? Optional.empty()
                    : interventions.findByCapture(technicianId, captureId);
            if (earlier.isPresent()) {
                return replay(earlier.get(), content, endNatures, deviceClock.endOffsetSeconds());
            }
            try {
                if (insert(intervention)) {
                    log.info("{} started by {} at {} for {}{}", intervention.ref(), technicianId, content.pm(),
                            content.codeOi(), content.ended() ? ", ended" : "");
                    return new Started(views.of(intervention), true);
                }
                // the same capture was posted concurrently and that one won: it is replayed next turn
            } catch (DuplicateKeyException e) {
                // two random references collided: draw another one
                if (attempt == 3) {
                    throw e;
                }
                intervention = Intervention.begin(references.next(day), technicianId, captureId, content)
                        .withDeviceClock(deviceClock);
            }
        }
    }

    /** The end: M3 is queued (after M1, whatever became of it). The same end posted again changes nothing. */
    public InterventionView end(String ref, EndOfIntervention request) {
        Errors errors = new Errors();
        Instant end = rules.requiredTimestamp(errors, "end", request.end());
        List<NatureEntry> natures = request.natures() == null ? null
                : rules.natures(errors, "natures", request.natures(), codeOi(ref, null));
        errors.throwIfAny();
        return end(ref, end, natures, "natures", request.clockOffsetSeconds());
    }

    /**
     * Corrects a declaration the OI rejected (or that could not be delivered) and sends it again:
     * the fields given replace the recorded ones.
     */
    public InterventionView correct(String ref, Correction request) {
        Errors errors = new Errors();
        Instant start = rules.timestamp(errors, "start", request.start());
        Instant end = rules.timestamp(errors, "end", request.end());
        String codeOi = codeOi(ref, request.codeOi());
        List<NatureEntry> natures = request.natures() == null ? null
                : rules.natures(errors, "natures", request.natures(), codeOi);
        List<NatureEntry> endNatures = request.endNatures() == null ? null
                : rules.natures(errors, "endNatures", request.endNatures(), codeOi);
        errors.throwIfAny();
        return views.of(change(ref, intervention -> {
            Content recorded = intervention.content();
            if ((end != null || endNatures != null) && !recorded.ended()) {
                throw new InvalidInput(end != null ? "end" : "endNatures",
                        "not ended yet: declare the end with POST /interventions/" + ref + "/end");
            }
            Content corrected = new Content(or(request.codeOi(), recorded.codeOi()), or(request.pm(), recorded.pm()),
                    or(natures, recorded.natures()), or(start, recorded.start()), or(end, recorded.end()),
                    or(endNatures, recorded.endNatures()));
            intervention.correct(corrected, now(), properties.correctionWindow());
            rules.check(new Errors(), intervention, "endNatures");
            log.info("{} corrected, {} queued again", ref, intervention.toSend());
        }));
    }

    /** The OI the natures are for: the one given, else the intervention's (its version's natures apply). */
    private String codeOi(String ref, String given) {
        return given != null ? given : interventions.find(ref).map(intervention -> intervention.content().codeOi()).orElse(null);
    }

    public InterventionView find(String ref) {
        return views.of(interventions.find(ref).orElseThrow(() -> unknown(ref)));
    }

    /**
     * The technician's home screen: the periods started today (Europe/Paris), and any still open
     * so that a forgotten end shows.
     */
    public List<InterventionView> today(String technicianId) {
        ZoneId zone = timestamps.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return interventions.ofTechnician(technicianId, today.atStartOfDay(zone).toInstant(),
                        today.plusDays(1).atStartOfDay(zone).toInstant())
                .stream().map(views::of).toList();
    }

    private Started replay(Intervention existing, Content content, List<NatureEntry> endNatures, Integer endClockOffset) {
        if (!existing.content().sameStart(content)) {
            throw new Conflict("this capture was already received as " + existing.ref() + " with another start");
        }
        if (content.ended()) {
            return new Started(end(existing.ref(), content.end(), endNatures,
                    endNatures != null ? "endNatures" : "natures", endClockOffset), false);
        }
        return new Started(views.of(existing), false);
    }

    private InterventionView end(String ref, Instant end, List<NatureEntry> natures, String naturesField,
            Integer clockOffset) {
        return views.of(change(ref, intervention -> {
            if (intervention.end(end, natures)) {
                intervention.withDeviceClock(intervention.deviceClock().atEnd(clockOffset));
                rules.check(new Errors(), intervention, naturesField);
                log.info("{} ended", ref);
            }
        }));
    }

    /** Stores a new intervention and queues its M1 (and M3); false when its capture was stored meanwhile. */
    private boolean insert(Intervention intervention) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!interventions.insertIfAbsent(intervention, now())) {
                return false;
            }
            queue(intervention);
            return true;
        }));
    }

    /** Applies a change to a locked intervention, then stores it and queues what it has to send. */
    private Intervention change(String ref, Consumer<Intervention> change) {
        return transaction.execute(status -> {
            Intervention intervention = interventions.lock(ref).orElseThrow(() -> unknown(ref));
            change.accept(intervention);
            if (!intervention.toSend().isEmpty()) {
                interventions.update(intervention, now());
                queue(intervention);
            }
            return intervention;
        });
    }

    /** Queues M1/M3 in the order the intervention gives, in the caller's transaction. */
    private void queue(Intervention intervention) {
        Instant now = now();
        for (Kind kind : intervention.toSend()) {
            long deliveryId = outbox.enqueue(messages.outbound(intervention, kind));
            intervention.queued(kind, deliveryId, now);
            interventions.saveQueued(intervention, intervention.declaration(kind).orElseThrow());
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static NotFound unknown(String ref) {
        return new NotFound("no intervention " + ref);
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
