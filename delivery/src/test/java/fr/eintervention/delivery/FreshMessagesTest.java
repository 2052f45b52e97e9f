package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Messages just committed, before they start: no threads, no database. */
class FreshMessagesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private final DeliveryProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("eintervention.delivery", DeliveryProperties.class);
    private final FreshMessages fresh = new FreshMessages(properties, Clock.fixed(NOW, ZoneOffset.UTC));

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

    @Test
    void aMessageThatCouldNoLongerBeSentWithinItsLeaseIsDroppedAndCounted() {
        // lease 60 s; a call may take 1 s (pace) + 2 s (connect) + 10 s (read): taken 50 s ago, too late
        fresh.add(List.of(taken(1, "OC01", NOW.minusSeconds(50)), taken(2, "OC01", NOW.minusSeconds(40))), List.of());

        assertThat(fresh.ready(16, partner -> 4)).extracting(DeliveryRecord::id).containsExactly(2L);
        assertThat(fresh.takeLeaseOverruns()).isEqualTo(1);
        assertThat(fresh.takeLeaseOverruns()).isZero();
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
