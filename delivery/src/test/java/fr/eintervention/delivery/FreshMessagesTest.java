package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Messages just committed, before they start: no threads, no database. */
class FreshMessagesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private final FreshMessages fresh = new FreshMessages();

    private static DeliveryRecord taken(long id, String partner, Instant at) {
        return new DeliveryRecord(id, partner, "M2", "INT-" + id, "/m2", "{}", DeliveryStatus.SENDING, 0, at, null,
                null, null, null, null, null, null, at, at, null, null, null);
    }

    @Test
    void startsOfEachPartnerAsManyAsItTakesNowWithinTheFreeWorkers() {
        fresh.add(List.of(taken(1, "OC01", NOW), taken(2, "OC01", NOW), taken(3, "OC01", NOW)), List.of());

        assertThat(fresh.ready(16, partner -> 2)).extracting(DeliveryRecord::id).containsExactly(1L, 2L);
        assertThat(fresh.any()).as("the third waits for one of its partner's calls to end").isTrue();
        assertThat(fresh.ready(0, partner -> 2)).isEmpty();
        assertThat(fresh.ready(16, partner -> 2)).extracting(DeliveryRecord::id).containsExactly(3L);
        assertThat(fresh.any()).isFalse();
    }

    /** Four partners that may take 4 calls each fill 16 workers: a fifth one still gets its turn. */
    @Test
    void whenThePartnersFillTheWorkersNoneIsAlwaysLeftOut() {
        List<String> partners = List.of("OC01", "OC02", "OC03", "OC04", "DO01");
        List<DeliveryRecord> taken = new ArrayList<>();
        for (String partner : partners) {
            for (int i = 0; i < 20; i++) {
                taken.add(taken(taken.size() + 1, partner, NOW));
            }
        }
        fresh.add(taken, List.of());
        Set<String> started = new HashSet<>();

        for (int turn = 0; turn < partners.size(); turn++) {
            List<DeliveryRecord> ready = fresh.ready(16, partner -> 4);
            assertThat(ready).hasSize(16);
            ready.forEach(message -> started.add(message.partner()));
        }

        assertThat(started).containsExactlyInAnyOrderElementsOf(partners);
    }

    @Test
    void handsOutTheWaitingIdsInTheOrderQueuedAtMostSoManyAtATime() {
        fresh.add(List.of(), List.of(5L, 6L, 7L));

        assertThat(fresh.nextWaiting(2)).containsExactly(5L, 6L);
        assertThat(fresh.anyWaiting()).isTrue();
        assertThat(fresh.nextWaiting(2)).containsExactly(7L);
        assertThat(fresh.anyWaiting()).isFalse();
    }
}
