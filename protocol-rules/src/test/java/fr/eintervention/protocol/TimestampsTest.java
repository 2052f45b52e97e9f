package fr.eintervention.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    private final Timestamps timestamps = new Timestamps(ZoneId.of("Europe/Paris"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-11-24T09:15:00+01:00, 2026-11-24T08:15:00Z",
            "2026-11-24T08:15:00Z, 2026-11-24T08:15:00Z",
            "2026-11-24T08:15:00.123Z, 2026-11-24T08:15:00.123Z",
            "2026-11-24T09:15:00.5+01:00, 2026-11-24T08:15:00.500Z",
            "2026-11-24T09:15:00, 2026-11-24T08:15:00Z",
            "2026-11-24 09:15:00, 2026-11-24T08:15:00Z",
            "20261124 09:15:00, 2026-11-24T08:15:00Z",
            "2026-07-14T09:15:00, 2026-07-14T07:15:00Z",
            "2026-07-14 09:15:00+02:00, 2026-07-14T07:15:00Z"
    })
    void readsEveryAcceptedForm(String text, String expected) {
        assertThat(timestamps.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "demain", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00", "20260230 10:00:00",
            "2026-11-24T25:00:00", "24/11/2026 09:15", "1732435200"})
    void refusesWhatIsNotATimestamp(String text) {
        assertThat(timestamps.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void sendsWithAnExplicitOffset() {
        assertThat(timestamps.format(Instant.parse("2026-11-24T08:15:00Z"))).isEqualTo("2026-11-24T09:15:00+01:00");
        assertThat(timestamps.format(Instant.parse("2026-07-14T07:15:00Z"))).isEqualTo("2026-07-14T09:15:00+02:00");
    }
}
