package fr.eintervention.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands final outcomes to the service's {@link DeliveryListener}s, on a thread of its own, never
 * on the thread that stores results: the statement that stores an outcome marks it unreported,
 * and the transaction in which the listeners record it clears the mark. A listener that fails
 * or dies with its instance leaves the mark, and the outcome is reported again (at the next
 * poll, by any instance).
 */
final class OutcomeReporter {

    private static final Logger log = LoggerFactory.getLogger(OutcomeReporter.class);

    private final DeliveryQueue queue;
    private final List<DeliveryListener> listeners;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final AtomicBoolean reportQueued = new AtomicBoolean();
    /** messages whose listener failed, logged once each (the few a broken listener leaves) */
    private final Set<Long> failedReports = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ExecutorService reporter;

    OutcomeReporter(DeliveryQueue queue, List<DeliveryListener> listeners, TransactionTemplate transaction,
            int batchSize) {
        this.queue = queue;
        this.listeners = listeners;
        this.transaction = transaction;
        this.batchSize = batchSize;
    }

    void start() {
        reporter = Executors.newSingleThreadExecutor(new CustomizableThreadFactory("delivery-reporter-"));
        running = true;
    }

    /** Takes no more reports, and ends the one under way at its next message. */
    void halt() {
        running = false;
    }

    /** Waits for the report under way to end, for a while; the outcomes it did not report are reported later. */
    void stop(Duration timeout) {
        running = false;
        reporter.shutdown();
        try {
            if (!reporter.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                reporter.shutdownNow(); // reported at the next start, or by another instance
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reporter.shutdownNow();
        }
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Whether a listener wants to be told of final outcomes of that kind. */
    boolean listenedTo(String kind) {
        for (DeliveryListener listener : listeners) {
            if (listener.listensTo(kind)) {
                return true;
            }
        }
        return false;
    }

    /** Has the reporter hand the unreported outcomes to the listeners: soon, and once however often asked. */
    void reportLater() {
        if (running && reportQueued.compareAndSet(false, true)) {
            try {
                reporter.execute(this::reportOutcomes);
            } catch (RejectedExecutionException stopping) {
                // the outcomes stay unreported in the database for the next start or another instance
            }
        }
    }

    /**
     * Hands each unreported final outcome to the listeners, each in a transaction of its own that
     * also clears its mark: the service records it and the mark goes, or neither. A listener that
     * throws leaves the mark: the next poll tries again.
     */
    private void reportOutcomes() {
        reportQueued.set(false);
        try {
            long after = 0;
            List<Long> page;
            do {
                page = queue.unreported(after, batchSize);
                for (long id : page) {
                    if (!running) {
                        return;
                    }
                    reportOne(id);
                    after = id;
                }
            } while (page.size() == batchSize && running);
        } catch (RuntimeException e) {
            log.error("delivery outcomes not reported; the next poll tries again", e);
        }
    }

    private void reportOne(long id) {
        try {
            transaction.executeWithoutResult(status -> queue.takeUnreported(id).ifPresent(record -> {
                for (DeliveryListener listener : listeners) {
                    if (listener.listensTo(record.kind())) {
                        listener.onOutcome(record);
                    }
                }
            }));
            failedReports.remove(id);
        } catch (RuntimeException e) {
            if (failedReports.add(id)) {
                log.error("delivery listener failed on message {}: its outcome is reported again at each poll", id, e);
            } else {
                log.debug("delivery listener failed again on message {}", id, e);
            }
        }
    }
}
