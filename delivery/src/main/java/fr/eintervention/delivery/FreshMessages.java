package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Messages just committed, not started yet: those this instance took as they were queued
 * (SENDING under its lease, by partner: one whose partner takes no more calls for now waits
 * here, not in the database), and the ids of those left waiting, to claim.
 */
final class FreshMessages {

    private final DeliveryProperties properties;
    private final Clock clock;
    private final Map<String, Queue<DeliveryRecord>> taken = new ConcurrentHashMap<>();
    private final Queue<Long> waiting = new ConcurrentLinkedQueue<>();
    /** messages taken as they were queued that waited past their lease (sent again after it), since last asked */
    private final AtomicLong leaseOverruns = new AtomicLong();

    FreshMessages(DeliveryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    void add(List<DeliveryRecord> taken, List<Long> waiting) {
        taken.forEach(message -> this.taken
                .computeIfAbsent(message.partner(), partner -> new ConcurrentLinkedQueue<>()).add(message));
        this.waiting.addAll(waiting);
    }

    boolean any() {
        return taken.values().stream().anyMatch(messages -> !messages.isEmpty()) || !waiting.isEmpty();
    }

    /**
     * Takes out those taken as they were queued that may start now: of each partner as many as
     * it may take now, {@code free} in all; the others wait for one of its calls to end. Those
     * that could no longer be sent within their lease are dropped (sent after it runs out) and
     * counted. Only the dispatcher thread calls it.
     */
    List<DeliveryRecord> ready(int free, ToIntFunction<String> freeCalls) {
        List<DeliveryRecord> ready = new ArrayList<>();
        for (Map.Entry<String, Queue<DeliveryRecord>> partner : taken.entrySet()) {
            Queue<DeliveryRecord> messages = partner.getValue();
            int room = Math.min(free, freeCalls.applyAsInt(partner.getKey()));
            for (DeliveryRecord message; (message = messages.peek()) != null; ) {
                if (!leaseLeft(message)) {
                    messages.poll();
                    leaseOverruns.incrementAndGet(); // summed up by the poll: one line, not one per message
                } else if (room > 0) {
                    ready.add(messages.poll());
                    room--;
                    free--;
                } else {
                    break;
                }
            }
        }
        return ready;
    }

    boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    /** Takes out up to {@code room} ids of messages to claim. */
    List<Long> nextWaiting(int room) {
        List<Long> ids = new ArrayList<>(room);
        for (Long id; ids.size() < room && (id = waiting.poll()) != null; ) {
            ids.add(id);
        }
        return ids;
    }

    /** How many were dropped for want of lease since last asked. */
    long takeLeaseOverruns() {
        return leaseOverruns.getAndSet(0);
    }

    /** Whether a message taken as it was queued can still be sent, however long its partner takes, within its lease. */
    private boolean leaseLeft(DeliveryRecord message) {
        DeliveryProperties.Partner partner = properties.partner(message.partner());
        Instant latestEnd = clock.instant().plus(PartnerGuards.PACE_WAIT).plus(partner.connectTimeout())
                .plus(partner.readTimeout());
        return latestEnd.isBefore(message.updatedAt().plus(properties.leaseDuration()));
    }
}
