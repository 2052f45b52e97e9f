package fr.eintervention.oi.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.protocol.Timestamps;

class ReferencesTest {

    private final References references = new References(new Timestamps(ZoneId.of("Europe/Paris")));

    @Test
    void aReferenceIsTheOiCodeTheLocalDayAndEightCharacters() {
        assertThat(references.next("OI01", Instant.parse("2026-11-24T23:30:00Z")))
                .matches("OI01-20261125-[0-9A-HJKMNP-TV-Z]{8}"); // 00:30 in Paris: the next day
    }

    @Test
    void referencesIssuedLaterSortAfterSoThatTheirIndexesGrowAtOneEnd() {
        Instant start = Instant.parse("2026-11-24T08:00:00Z");
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            issued.add(references.next("OI01", start.plus(Duration.ofMillis(10L * i))));
        }
        assertThat(issued).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void referencesIssuedInTheSameHundredthOfASecondDiffer() {
        Instant now = Instant.parse("2026-11-24T08:00:00.123Z");
        HashSet<String> issued = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            issued.add(references.next("OI01", now));
        }
        assertThat(issued).hasSizeGreaterThan(95); // 16 random bits: a repeat is rare, and the database refuses it
    }
}
