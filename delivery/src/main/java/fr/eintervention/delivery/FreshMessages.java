package fr.eintervention.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.ToIntFunction;

/**
 * Messages this instance holds and has not started yet: those it took as they were queued and
 * those it claimed ahead of their partner's calls (SENDING under its lease, by partner: one whose
 * partner takes no more calls for now waits here, not in the database), and the ids of those just
 * committed and left waiting, to claim.
 */
final class FreshMessages {

    /** by partner; a linked blocking queue counts its elements as they come and go: {@link #held} costs nothing */
    private final Map<String, BlockingQueue<DeliveryRecord>> taken = new ConcurrentHashMap<>();
    private final Queue<Long> waiting = new ConcurrentLinkedQueue<>();
    /** whose partner comes first this time ({@link PartnerClaims#inTurn}); only the dispatcher thread counts it */
    private int turn;

    void add(List<DeliveryRecord> taken, List<Long> waiting) {
        taken.forEach(message -> this.taken
                .computeIfAbsent(message.partner(), partner -> new LinkedBlockingQueue<>()).add(message));
        this.waiting.addAll(waiting);
    }

    /** How many messages of the partner are held here, ready to start. */
    int held(String partner) {
        Queue<DeliveryRecord> messages = taken.get(partner);
        return messages == null ? 0 : messages.size();
    }

    boolean any() {
        return taken.values().stream().anyMatch(messages -> !messages.isEmpty()) || !waiting.isEmpty();
    }

    /**
     * Takes out those taken as they were queued that may start now: of each partner as many as
     * it may take now, {@code free} in all; the others wait for one of its calls to end (the
     * engine's heartbeat keeps its hold on them meanwhile). Each partner comes first in its turn.
     * Only the dispatcher thread calls it.
     */
    List<DeliveryRecord> ready(int free, ToIntFunction<String> freeCalls) {
        List<DeliveryRecord> ready = new ArrayList<>();
        for (String partner : PartnerClaims.inTurn(taken.keySet(), turn++)) {
            Queue<DeliveryRecord> messages = taken.get(partner);
            int room = Math.min(free, freeCalls.applyAsInt(partner));
            for (; room > 0 && !messages.isEmpty(); room--, free--) {
                ready.add(messages.poll());
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
}
