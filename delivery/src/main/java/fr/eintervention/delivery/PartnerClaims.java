package fr.eintervention.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import fr.eintervention.delivery.PartnerGuards.Guard;

/**
 * Fair per-partner claims. Keeps the partners that may have more due messages than this
 * instance took so far ("backlogged"), and says how many of each to claim in one go: enough that
 * the instance holds its partner's read-ahead ready to start ({@link Guard#readAhead}), so that
 * each call that ends starts the next without a round trip to the database; no more than a batch;
 * none while it holds at least half of that already. A partner that takes no calls for now is left
 * out: the poll finds its messages again once it does.
 */
final class PartnerClaims {

    private final PartnerGuards guards;
    private final int batchSize;
    private final Set<String> backlogged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turn = new AtomicInteger();

    PartnerClaims(PartnerGuards guards, int batchSize) {
        this.guards = guards;
        this.batchSize = batchSize;
    }

    /** The partner may have due messages this instance has not taken. */
    void backlogged(String partner) {
        backlogged.add(partner);
    }

    void backlogged(Collection<String> partners) {
        backlogged.addAll(partners);
    }

    boolean anyBacklogged() {
        return !backlogged.isEmpty();
    }

    /**
     * How many due messages to claim now of each backlogged partner, this instance holding
     * {@code held} of each ready to start. Each partner comes first in its turn.
     */
    Map<String, Integer> rooms(ToIntFunction<String> held) {
        Map<String, Integer> rooms = new LinkedHashMap<>();
        for (String partner : inTurn(backlogged, turn.getAndIncrement())) {
            Guard guard = guards.of(partner);
            if (!guard.takesCalls()) {
                // the poll finds its messages again once the circuit may close or the partner's wait ends
                backlogged.remove(partner);
                continue;
            }
            int ahead = guard.readAhead();
            int ready = held.applyAsInt(partner);
            if (ready * 2 < ahead) { // else one of its calls that ends wakes the dispatcher up again
                rooms.put(partner, Math.min(ahead - ready, batchSize));
            }
        }
        return rooms;
    }

    /**
     * The partners, the {@code turn}-th first and the others after it in their order: each comes
     * first in its turn, so that when the workers run short (as many partners busy as they fill
     * them) none is always served last, i.e. never.
     */
    static List<String> inTurn(Collection<String> partners, int turn) {
        List<String> inTurn = new ArrayList<>(partners);
        if (!inTurn.isEmpty()) {
            Collections.rotate(inTurn, -Math.floorMod(turn, inTurn.size()));
        }
        return inTurn;
    }

    /** What the claim of those rooms got: a partner that got fewer than its room has nothing more due now. */
    void claimed(Map<String, Integer> rooms, List<DeliveryRecord> claimed) {
        Map<String, Long> claimedPerPartner = claimed.stream()
                .collect(Collectors.groupingBy(DeliveryRecord::partner, Collectors.counting()));
        rooms.forEach((partner, room) -> {
            if (claimedPerPartner.getOrDefault(partner, 0L) < room) {
                backlogged.remove(partner); // nothing more due for it now
            }
        });
    }
}
