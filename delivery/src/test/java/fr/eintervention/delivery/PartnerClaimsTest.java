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

import fr.eintervention.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Fair per-partner claims, with real guards and no database. */
class PartnerClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private final DeliveryProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
            "eintervention.delivery.batch-size", "3",
            "eintervention.delivery.partners.OC02.max-concurrent-calls", "2",
            "eintervention.delivery.partners.OC02.requests-per-second", "8")))
            .bindOrCreate("eintervention.delivery", DeliveryProperties.class);
    private final PartnerGuards guards = new PartnerGuards(properties, Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());
    private final PartnerClaims claims = new PartnerClaims(guards, properties.batchSize());

    private static DeliveryRecord message(String partner) {
        return new DeliveryRecord(1, partner, "M2", "INT-1", "/m2", "{}", DeliveryStatus.SENDING, 0, NOW, null, null,
                null, null, null, null, null, NOW, NOW, null, null, null);
    }

    /**
     * OC01 is paced at 400 calls per second: a quarter of a second of it is 100 messages, claimed
     * a batch (3 here) at a time. OC02, paced at 8 per second, is held only the 2 calls it takes
     * at once.
     */
    @Test
    void eachPartnerIsClaimedAheadOfItsCallsNoMoreThanABatchAndNotWhileHalfOfItIsHeld() {
        claims.backlogged(List.of("OC01", "OC02"));

        assertThat(claims.rooms(partner -> 0)).containsExactly(Map.entry("OC01", 3), Map.entry("OC02", 2));
        // OC02's turn to come first; OC01 holds less than half of its read-ahead
        assertThat(claims.rooms(partner -> partner.equals("OC01") ? 49 : 0))
                .containsExactly(Map.entry("OC02", 2), Map.entry("OC01", 3));
        assertThat(claims.rooms(partner -> partner.equals("OC01") ? 50 : 1)).as("half held: none claimed").isEmpty();
    }

    /** Once its circuit has opened, a partner is claimed only the calls it may make now, not ahead. */
    @Test
    void aPartnerWhoseCircuitOpenedIsClaimedOnlyWhatMayStartNow() {
        MovableClock clock = MovableClock.frozenAt(NOW);
        PartnerGuards guards = new PartnerGuards(properties, clock, new SimpleMeterRegistry());
        PartnerClaims claims = new PartnerClaims(guards, 100);
        claims.backlogged(List.of("OC01"));
        assertThat(claims.rooms(partner -> 0)).as("healthy: a quarter of a second of its pace").containsEntry("OC01", 100);
        PartnerGuards.Guard oc01 = guards.of("OC01");
        for (int failure = 0; failure < properties.partner("OC01").circuitWindow(); failure++) {
            assertThat(oc01.enter()).isTrue();
            oc01.completed(Attempt.failed(new java.io.IOException("down")), 1);
        }
        assertThat(claims.rooms(partner -> 0)).as("open: no calls").isEmpty();

        clock.advance(properties.partner("OC01").circuitOpenDuration());
        claims.backlogged(List.of("OC01"));
        assertThat(claims.rooms(partner -> 0)).as("its trial: the 4 calls it takes at once, no more")
                .containsExactly(Map.entry("OC01", 4));
    }

    /**
     * Four OCs busy fill the 16 workers (4 calls each): a fifth partner (the DO the OI sends
     * M6TX to) was claimed for only when one of them had less to send. Claims no longer depend
     * on free workers: every backlogged partner is claimed for (which starts first, each in its
     * turn, is {@code FreshMessages}'s).
     */
    @Test
    void everyBackloggedPartnerIsClaimedForWhateverTheWorkers() {
        PartnerClaims fours = new PartnerClaims(guards, 4);
        List<String> partners = List.of("OC01", "OC03", "OC04", "OC05", "DO01");
        fours.backlogged(partners);

        assertThat(fours.rooms(partner -> 0)).containsOnlyKeys(partners).containsValues(4);
    }

    @Test
    void aPartnerThatTakesNoCallsIsLeftOutUntilThePollFindsItAgain() {
        claims.backlogged(List.of("OC01", "OC02"));
        guards.of("OC01").pauseUntil(NOW.plusSeconds(5));

        assertThat(claims.rooms(partner -> 0)).containsOnlyKeys("OC02");
        guards.of("OC02").pauseUntil(NOW.plusSeconds(5));
        assertThat(claims.rooms(partner -> 0)).isEmpty();
        assertThat(claims.anyBacklogged()).isFalse();
    }

    @Test
    void aPartnerThatGotFewerThanItsRoomHasNothingMoreDue() {
        claims.backlogged(List.of("OC01", "OC02"));
        Map<String, Integer> rooms = claims.rooms(partner -> 0);

        claims.claimed(rooms, List.of(message("OC01"), message("OC01"), message("OC01"), message("OC02")));

        assertThat(claims.rooms(partner -> 0)).containsOnlyKeys("OC01");
    }
}
