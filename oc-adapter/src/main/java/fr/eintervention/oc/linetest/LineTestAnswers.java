package fr.eintervention.oc.linetest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.delivery.Outbox;
import fr.eintervention.linetest.TestWindow;
import fr.eintervention.linetest.oc.ReceivedTests;
import fr.eintervention.oc.impact.M5txComposer;
import fr.eintervention.oc.intervention.KnownInterventions;
import fr.eintervention.oc.outage.Outages;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the M5TX of each line test once it is due ({@code AnswerTiming}, decision 0037): as soon
 * as the outage feed has settled past the test's time, at most the configured delay after its
 * M4TX. Each answer is computed over the test's window ({@link ReceivedTests}, decision 0033)
 * and queued to the OI in the delivery engine's outbox, in the transaction that marks it
 * answered: a restart loses none.
 */
@Component
class LineTestAnswers {

    private static final Logger log = LoggerFactory.getLogger(LineTestAnswers.class);
    private static final int BATCH = 100;

    private final LineTests tests;
    private final KnownInterventions interventions;
    private final Outages outages;
    private final M5txComposer composer;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    LineTestAnswers(LineTests tests, KnownInterventions interventions, Outages outages, M5txComposer composer,
            Outbox outbox, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.tests = tests;
        this.interventions = interventions;
        this.outages = outages;
        this.composer = composer;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    /** Queues every answer due now; returns how many. */
    int sendDue() {
        Instant now = Instant.now(clock);
        List<Long> due = tests.due(now, outages.feedSettledUpTo(), BATCH);
        int queued = 0;
        for (long id : due) {
            try {
                queued += Boolean.TRUE.equals(transaction.execute(status -> tests.lockIfWaiting(id)
                        .map(test -> answer(test, now)).orElse(false))) ? 1 : 0;
            } catch (RuntimeException e) {
                // one faulty test must not hold back the others: it is looked at again next time
                log.error("M5TX of line test {} could not be queued", id, e);
            }
        }
        return queued;
    }

    private boolean answer(LineTests.Waiting test, Instant now) {
        KnownInterventions.Known intervention = interventions.find(test.windowId()).orElseThrow();
        ReceivedTests received = new ReceivedTests(intervention.start());
        for (Map.Entry<Integer, Instant> dateTest : tests.dateTests(test.windowId()).entrySet()) {
            received.receive(dateTest.getKey(), dateTest.getValue());
        }
        TestWindow window = received.window(test.numeroTest());
        M5txComposer.M5tx m5tx = composer.compose(intervention.refOi(), intervention.pm(), intervention.start(), window,
                test.numeroTest());
        long deliveryId = outbox.enqueueInTrace(new OutboundMessage(intervention.codeOi(), M5txComposer.KIND,
                intervention.refOi(), M5txComposer.PATH, m5tx.payload()), intervention.traceparent());
        tests.answered(test.id(), now, m5tx.customersDown(), m5tx.linesRestored(), deliveryId);
        meters.counter("eintervention.oc.m5tx.queued", "test", "intermediate").increment();
        log.info("M5TX {}/{} test {} queued: {} down, {} restored", intervention.codeOi(), intervention.refOi(),
                test.numeroTest(), m5tx.customersDown(), m5tx.linesRestored());
        return true;
    }
}
