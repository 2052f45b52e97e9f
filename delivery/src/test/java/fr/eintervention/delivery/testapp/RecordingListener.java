package fr.eintervention.delivery.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import fr.eintervention.delivery.DeliveryListener;
import fr.eintervention.delivery.DeliveryRecord;

/**
 * Keeps every final outcome it is told of, as a service records it. A test may make it fail, or
 * hang, on the outcomes of a subject, as a service's listener might.
 */
public class RecordingListener implements DeliveryListener {

    private final List<DeliveryRecord> outcomes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> hangs = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void onOutcome(DeliveryRecord record) {
        calls.incrementAndGet();
        CountDownLatch hang = hangs.get(record.subject());
        if (hang != null) {
            try {
                hang.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                // the instance stops (or dies) before the service recorded the outcome
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while recording " + record.subject(), e);
            }
        }
        AtomicInteger failing = failures.get(record.subject());
        if (failing != null && failing.getAndDecrement() > 0) {
            throw new IllegalStateException("listener failing on " + record.subject() + " (test)");
        }
        outcomes.add(record);
    }

    /** The next {@code times} calls for that subject throw. */
    public void failOn(String subject, int times) {
        failures.put(subject, new AtomicInteger(times));
    }

    /** Calls for that subject hang until {@link #release}. */
    public void hangOn(String subject) {
        hangs.put(subject, new CountDownLatch(1));
    }

    public void release(String subject) {
        CountDownLatch hang = hangs.remove(subject);
        if (hang != null) {
            hang.countDown();
        }
    }

    /** Calls made, whether they succeeded or not. */
    public int calls() {
        return calls.get();
    }

    public List<DeliveryRecord> of(long messageId) {
        return outcomes.stream().filter(outcome -> outcome.id() == messageId).toList();
    }

    public int count() {
        return outcomes.size();
    }
}
