package fr.eintervention.oc.intervention;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.Outbox;
import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.oc.referential.OiDirectory;
import fr.eintervention.oc.referential.PmReferential;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v1.ProtocolViolation;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Flux 2 at the OC, version 1 (and what both versions share): checks an M2/M4 against the OC's partners and PMs, then applies it to its
 * intervention under a row lock (one row per reference, even under concurrent identical
 * messages). A refused message leaves nothing stored, so its correction is not a duplicate.
 */
@Service
public class WindowReception {

    private static final Logger log = LoggerFactory.getLogger(WindowReception.class);

    private final InterventionWindows windows;
    /** only for the trace of the message, which the intervention's M5 continues */
    private final Outbox outbox;
    private final OiDirectory partners;
    private final PmReferential pms;
    private final M5Timing timing;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    WindowReception(InterventionWindows windows, Outbox outbox, OiDirectory partners, PmReferential pms, M5Timing timing,
            TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.windows = windows;
        this.outbox = outbox;
        this.partners = partners;
        this.pms = pms;
        this.timing = timing;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    /** What the OC does not know in a message: checked before anything is stored. */
    enum Unknown {
        OI, PM
    }

    public WindowOutcome receive(InterventionOI message) {
        WindowMessage window = WindowMessage.from(message);
        unknown(window).ifPresent(unknown -> {
            throw unknown == Unknown.OI
                    ? new ProtocolViolation(Answer.CODE_OI_INCONNU, "Code_OI inconnu: " + window.codeOi())
                    : new ProtocolViolation(Answer.PM_INCONNU, "PM inconnu: " + window.pm());
        });
        return store(window);
    }

    /** The OI or the PM the OC does not know, OI first; empty when both are known. */
    Optional<Unknown> unknown(WindowMessage window) {
        if (!partners.isPartner(window.codeOi())) {
            return Optional.of(Unknown.OI);
        }
        if (!pms.accepts(window.pm())) {
            return Optional.of(Unknown.PM);
        }
        return Optional.empty();
    }

    /** Applies a checked message, whatever its version, to its intervention. */
    WindowOutcome store(WindowMessage window) {
        WindowOutcome outcome = transaction.execute(status -> apply(window, Instant.now(clock)));
        meters.counter("eintervention.oc.intervention.received", "kind", window.kind(), "outcome", outcome.name())
                .increment();
        log.info("{} {} {}/{} -> {}", window.details().version(), window.kind(), window.codeOi(), window.refOi(), outcome);
        return outcome;
    }

    private WindowOutcome apply(WindowMessage message, Instant now) {
        Optional<InterventionWindow> existing = windows.lock(message.codeOi(), message.refOi());
        if (existing.isPresent()) {
            InterventionWindow window = existing.get();
            WindowOutcome outcome = window.receive(message, now, timing);
            if (outcome == WindowOutcome.NEW || outcome == WindowOutcome.CORRECTED) {
                windows.update(window, now, outbox.currentTrace());
            }
            return outcome;
        }
        InterventionWindow window = InterventionWindow.unknown(message.codeOi(), message.refOi());
        WindowOutcome outcome = window.receive(message, now, timing);
        if (!windows.insertIfAbsent(window, now, outbox.currentTrace())) {
            // an identical message created it concurrently: apply ours to that one
            return apply(message, now);
        }
        return outcome;
    }
}
