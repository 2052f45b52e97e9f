package fr.eintervention.oc.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** dueAt = min(M4 received + settling delay, 5 minutes before midnight Europe/Paris of the end day). */
class M5TimingTest {

    private final M5Timing timing = new M5Timing(true, Duration.ofMinutes(15), Duration.ofMinutes(5),
            ZoneId.of("Europe/Paris"));

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @Test
    void waitsTheSettlingDelayDuringTheDay() {
        assertThat(timing.dueAt(at("2026-11-24T11:05:00+01:00"), at("2026-11-24T11:00:00+01:00")))
                .isEqualTo(at("2026-11-24T11:20:00+01:00"));
    }

    @Test
    void neverGoesPastTheEndDaysDeadline() {
        assertThat(timing.dueAt(at("2026-11-24T23:50:00+01:00"), at("2026-11-24T23:45:00+01:00")))
                .isEqualTo(at("2026-11-24T23:55:00+01:00"));
    }

    @Test
    void anM4AfterTheDeadlineIsDueAtOnce() {
        Instant receivedAt = at("2026-11-25T08:00:00+01:00");

        assertThat(timing.dueAt(receivedAt, at("2026-11-24T18:00:00+01:00"))).isBefore(receivedAt);
    }

    @Test
    void theEndDayIsTheParisDayNotTheUtcOne() {
        // 23:30 UTC on the 24th is 00:30 on the 25th in Paris: the deadline is the 25th's
        assertThat(timing.deadline(Instant.parse("2026-11-24T23:30:00Z"))).isEqualTo(at("2026-11-25T23:55:00+01:00"));
    }

    @Test
    void followsSummerTime() {
        assertThat(timing.deadline(at("2026-07-14T10:00:00+02:00"))).isEqualTo(at("2026-07-14T23:55:00+02:00"));
    }
}
