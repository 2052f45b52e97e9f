package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Fair per-partner claims, with real guards and no database. */
class PartnerClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private final DeliveryProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
            "eintervention.delivery.batch-size", "3",
            "eintervention.delivery.partners.OC02.max-concurrent-calls", "2")))
            .bindOrCreate("eintervention.delivery", DeliveryProperties.class);
    private final PartnerGuards guards = new PartnerGuards(properties, Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());
    private final PartnerClaims claims = new PartnerClaims(guards, properties.batchSize());

    private static DeliveryRecord message(String partner) {
        return new DeliveryRecord(1, partner, "M2", "INT-1", "/m2", "{}", DeliveryStatus.SENDING, 0, NOW, null, null,
                null, null, null, null, null, NOW, NOW, null, null, null);
    }

    @Test
    void eachPartnerGetsNoMoreThanItTakesAtOnceNorMoreThanABatchNorMoreThanTheFreeWorkers() {
        claims.backlogged(List.of("OC01", "OC02"));

        assertThat(claims.rooms(16)).containsExactly(Map.entry("OC01", 3), Map.entry("OC02", 2));
        // OC02's turn to come first
        assertThat(claims.rooms(4)).containsExactly(Map.entry("OC02", 2), Map.entry("OC01", 2));
        assertThat(claims.rooms(0)).isEmpty();
    }

    /**
     * Four OCs busy fill the 16 workers (4 calls each): a fifth partner (the DO the OI sends
     * M6TX to) was served only when one of them had less to send, i.e. its messages waited for
     * the OCs' to run out. Each partner now comes first in its turn.
     */
    @Test
    void whenThePartnersFillTheWorkersNoneIsAlwaysLeftOut() {
        PartnerClaims fours = new PartnerClaims(guards, 4);
        List<String> partners = List.of("OC01", "OC03", "OC04", "OC05", "DO01");
        fours.backlogged(partners);
        Set<String> served = new HashSet<>();

        for (int turn = 0; turn < partners.size(); turn++) {
            Map<String, Integer> rooms = fours.rooms(16);
            assertThat(rooms.values()).containsOnly(4).hasSize(4);
            served.addAll(rooms.keySet());
        }

        assertThat(served).containsExactlyInAnyOrderElementsOf(partners);
    }

    @Test
    void aPartnerThatTakesNoCallsIsLeftOutUntilThePollFindsItAgain() {
        claims.backlogged(List.of("OC01", "OC02"));
        guards.of("OC01").pauseUntil(NOW.plusSeconds(5));

        assertThat(claims.rooms(16)).containsOnlyKeys("OC02");
        guards.of("OC02").pauseUntil(NOW.plusSeconds(5));
        assertThat(claims.rooms(16)).isEmpty();
        assertThat(claims.anyBacklogged()).isFalse();
    }

    @Test
    void aPartnerThatGotFewerThanItsRoomHasNothingMoreDue() {
        claims.backlogged(List.of("OC01", "OC02"));
        Map<String, Integer> rooms = claims.rooms(16);

        claims.claimed(rooms, List.of(message("OC01"), message("OC01"), message("OC01"), message("OC02")));

        assertThat(claims.rooms(16)).containsOnlyKeys("OC01");
    }
}
