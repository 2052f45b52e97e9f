package fr.eintervention.oc.impact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.delivery.Outbox;
import fr.eintervention.linetest.TestWindow;
import fr.eintervention.oc.OcProperties;
import fr.eintervention.oc.intervention.EndedInterventions;
import fr.eintervention.oc.referential.OiDirectory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the M5s that are due (see the intervention's M5 schedule), or to an OI that speaks v2 the
 * end's M5TX instead (decision 0065): each one computed from the
 * outages known at that time and queued to the OI in the delivery engine's outbox, in the
 * transaction that marks it sent. The due time is in the database, so a restart loses none.
 */
@Component
class M5Dispatcher {

    static final String KIND = "M5";
    static final String PATH = "/v1/client_HS_OC_Par_Inter";

    private static final Logger log = LoggerFactory.getLogger(M5Dispatcher.class);
    private static final int BATCH = 200;
    private static final Duration RETRY_FAULTY = Duration.ofMinutes(5);

    private final EndedInterventions interventions;
    private final M5Composer composer;
    private final M5txComposer endComposer;
    private final OiDirectory partners;
    private final Outbox outbox;
    private final boolean enabled;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    M5Dispatcher(EndedInterventions interventions, M5Composer composer, M5txComposer endComposer, OiDirectory partners,
            Outbox outbox, OcProperties properties, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.interventions = interventions;
        this.composer = composer;
        this.endComposer = endComposer;
        this.partners = partners;
        this.outbox = outbox;
        this.enabled = properties.flux3().enabled();
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    /** Queues every M5 due now; returns how many. Never sends when the OC is out of flux 3. */
    int sendDue() {
        if (!enabled) {
            return 0;
        }
        int queued = 0;
        List<Long> due;
        int queuedNow;
        do {
            Instant now = Instant.now(clock);
            due = interventions.dueForM5(now, BATCH);
            queuedNow = 0;
            for (long id : due) {
                queuedNow += sendOne(id, now) ? 1 : 0;
            }
            queued += queuedNow;
            // a full batch held by another instance: leave it to that one
        } while (due.size() == BATCH && queuedNow > 0);
        return queued;
    }

    private boolean sendOne(long id, Instant now) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> interventions.lockIfDue(id, now)
                    .map(intervention -> queue(intervention, now))
                    .orElse(false)));
        } catch (RuntimeException e) {
            // one faulty intervention must not hold back the others
            log.error("M5 of intervention {} could not be queued; retried in {}", id, RETRY_FAULTY, e);
            interventions.postponeM5(id, now.plus(RETRY_FAULTY));
            return false;
        }
    }

    /** The end's answer in the OI's version (decision 0065): v1's M5, or v2's closing M5TX. */
    private boolean queue(EndedInterventions.Ended intervention, Instant now) {
        return switch (partners.protocolVersion(intervention.codeOi())) {
            case v1 -> queueM5(intervention, now);
            case v2 -> queueEndM5tx(intervention, now);
        };
    }

    private boolean queueEndM5tx(EndedInterventions.Ended intervention, Instant now) {
        M5txComposer.M5tx m5tx = endComposer.compose(intervention.refOi(), intervention.pm(), intervention.start(),
                TestWindow.ofEnd(intervention.start(), intervention.end()), null);
        long deliveryId = outbox.enqueueInTrace(new OutboundMessage(intervention.codeOi(), M5txComposer.KIND,
                intervention.refOi(), M5txComposer.PATH, m5tx.payload()), intervention.traceparent());
        interventions.m5Queued(intervention.id(), now, m5tx.customersDown(), deliveryId);
        meters.counter("eintervention.oc.m5tx.queued", "test", "end").increment();
        log.info("end M5TX {}/{} queued: {} down, {} restored", intervention.codeOi(), intervention.refOi(),
                m5tx.customersDown(), m5tx.linesRestored());
        return true;
    }

    private boolean queueM5(EndedInterventions.Ended intervention, Instant now) {
        M5Composer.M5 m5 = composer.compose(intervention);
        if (m5.failure() != null) {
            // never queued: a message the OI refuses for its size would be lost, and held in memory by every attempt
            interventions.m5Failed(intervention.id(), now, m5.customers(), m5.failure());
            meters.counter("eintervention.oc.m5.failed").increment();
            log.error("M5 {}/{} not sent: {}", intervention.codeOi(), intervention.refOi(), m5.failure());
            return true;
        }
        // in the trace of the M2/M4 that announced the intervention (M1 -> M2/M4 -> M5, one trace)
        long deliveryId = outbox.enqueueInTrace(new OutboundMessage(intervention.codeOi(), KIND, intervention.refOi(), PATH,
                m5.payload()), intervention.traceparent());
        interventions.m5Queued(intervention.id(), now, m5.customers(), deliveryId);
        meters.counter("eintervention.oc.m5.queued").increment();
        log.info("M5 {}/{} queued: {} customer(s)", intervention.codeOi(), intervention.refOi(), m5.customers());
        return true;
    }
}
