package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.eintervention.delivery.DeliveryQueue.Finished;

/**
 * Stores the results of attempts in batches. The first worker to come stores every result
 * queued meanwhile, in one statement (the others go back to sending): under load, one write
 * serves many messages; alone, a result is stored at once. While other calls are under way it
 * waits a moment for theirs ({@link #RESULTS_LINGER}): the M2s of one M1, sent together, end
 * together, and one write then serves them all.
 */
final class AttemptRecorder {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    /** at most how long a result waits for those of the calls under way, to be stored with them */
    private static final Duration RESULTS_LINGER = Duration.ofMillis(1);
    private static final long LINGER_STEP_NANOS = 100_000;

    private final DeliveryQueue queue;
    private final AttemptLog attemptLog;
    private final OutcomeReporter reporter;
    private final String instanceId;
    private final int batchSize;
    private final Clock clock;
    /** results of attempts not stored yet, and who stores them */
    private final Queue<AttemptRecord> results = new ConcurrentLinkedQueue<>();
    private final ReentrantLock recording = new ReentrantLock();

    AttemptRecorder(DeliveryQueue queue, AttemptLog attemptLog, OutcomeReporter reporter, String instanceId,
            int batchSize, Clock clock) {
        this.queue = queue;
        this.attemptLog = attemptLog;
        this.reporter = reporter;
        this.instanceId = instanceId;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** What the workers tell the recorder, and what it tells them. */
    interface Workers {

        /** how many messages are held by workers (their results stored or not) */
        int inFlight();

        /** the results of that many messages are stored (or given up): their workers are free */
        void released(int messages);

        /** a later message of that partner was waiting for one whose result is stored: it may go now */
        void successorWaiting(String partner);

        /** the results of those messages could not be stored: they are still held, to be put back to wait */
        void notStored(List<Long> messages);
    }

    /** Queues the result to be stored, and stores those queued when no other worker does. */
    void record(AttemptRecord result, Workers workers) {
        results.add(result);
        while (!results.isEmpty() && recording.tryLock()) {
            List<AttemptRecord> batch = new ArrayList<>();
            try {
                long lingerEnd = System.nanoTime() + RESULTS_LINGER.toNanos();
                while (results.size() < workers.inFlight() && results.size() < batchSize
                        && System.nanoTime() < lingerEnd) {
                    LockSupport.parkNanos(LINGER_STEP_NANOS);
                }
                for (AttemptRecord next; batch.size() < batchSize && (next = results.poll()) != null; ) {
                    batch.add(next);
                }
                store(batch, workers);
            } finally {
                recording.unlock();
                workers.released(batch.size());
            }
        }
    }

    private void store(List<AttemptRecord> batch, Workers workers) {
        List<Finished> stored;
        try {
            stored = queue.finish(batch, instanceId, clock.instant());
        } catch (RuntimeException e) {
            log.error("{} attempt result(s) not stored: their messages wait again, sent again", batch.size(), e);
            workers.notStored(batch.stream().map(result -> result.message().id()).toList());
            return;
        }
        Set<Long> ids = new HashSet<>();
        for (Finished finished : stored) {
            ids.add(finished.record().id());
            attemptLog.stored(finished.record());
            if (finished.hasSuccessor()) {
                workers.successorWaiting(finished.record().partner()); // the next message of that subject and partner may go now
            }
        }
        if (batch.stream().anyMatch(AttemptRecord::report)) {
            reporter.reportLater(); // on the reporter's thread: a slow listener never holds the results of others
        }
        for (AttemptRecord result : batch) {
            if (!ids.contains(result.message().id())) {
                DeliveryRecord message = result.message();
                log.warn("{} {} to {}: lease lost while sending (another instance took it over); outcome {} not stored",
                        message.kind(), message.subject(), message.partner(), result.status());
            }
        }
    }
}
