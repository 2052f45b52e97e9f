package fr.eintervention.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.Timestamps;

/** Instants in query parameters: a timestamp, or a day meaning its start in the protocol's zone. */
class InstantParameterTest {

    private static final Timestamps PARIS = new Timestamps(ZoneId.of("Europe/Paris"));

    @Test
    void aDayAloneIsItsStartInTheProtocolsZone() {
        assertThat(InstantParameter.parse("from", "2026-11-24", PARIS)).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    }

    @Test
    void aTimestampIsTheInstantItSays() {
        assertThat(InstantParameter.parse("to", "2026-11-24T09:15:00+01:00", PARIS))
                .isEqualTo(Instant.parse("2026-11-24T08:15:00Z"));
        assertThat(InstantParameter.parse("to", null, PARIS)).isNull();
    }

    @Test
    void anythingElseIsRefusedNamingTheParameter() {
        InvalidInput day = catchThrowableOfType(InvalidInput.class, () -> InstantParameter.parse("from", "2026-02-30", PARIS));
        InvalidInput text = catchThrowableOfType(InvalidInput.class, () -> InstantParameter.parse("to", "tomorrow", PARIS));

        assertThat(day.faults()).containsExactly(Fault.of("from", "invalid date"));
        assertThat(text.faults()).containsExactly(Fault.of("to", "ISO 8601 timestamp expected"));
    }
}
