package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** How an attempt is described in its log line. */
class AttemptLogTest {

    private static DeliveryRecord after(DeliveryStatus status, Integer httpStatus, String label, String description,
            String error) {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");
        return new DeliveryRecord(1, "OC01", "M2", "INT-1", "/m2", "{}", status, 1, now, now, httpStatus, null, label,
                description, null, error, now, now, null, null, null);
    }

    @Test
    void describesTheAnswerOrTheErrorWhenNoAnswerCame() {
        assertThat(AttemptLog.describe(after(DeliveryStatus.DELIVERED, 200, "OK", null, null))).isEqualTo("HTTP 200");
        assertThat(AttemptLog.describe(after(DeliveryStatus.REJECTED, 400, "MAUVAIS_FORMAT", "Debut_Inter", "answered")))
                .isEqualTo("HTTP 400 MAUVAIS_FORMAT: Debut_Inter");
        assertThat(AttemptLog.describe(after(DeliveryStatus.PENDING, 503, null, null, "HTTP 503"))).isEqualTo("HTTP 503");
        assertThat(AttemptLog.describe(after(DeliveryStatus.PENDING, null, null, null, "ConnectException: refused")))
                .isEqualTo("ConnectException: refused");
    }
}
