package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The retry policy alone: no clock, no database, no HTTP. */
class RetryScheduleTest {

    private static final Instant QUEUED = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant NOW = QUEUED.plusSeconds(30);
    private static final Instant GIVE_UP = QUEUED.plus(Duration.ofHours(24));
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)));

    private static DeliveryRecord message(int attempts, Instant giveUpAt) {
        return new DeliveryRecord(7, "OC01", "M2", "INT-1", "/m2", "{}", DeliveryStatus.SENDING, attempts, QUEUED,
                null, null, null, null, null, null, null, QUEUED, QUEUED, null, null, giveUpAt);
    }

    private static Attempt failed() {
        return Attempt.answered(500, "", MAPPER);
    }

    @Test
    void aFailedAttemptWaitsTheDelayOfItsRetryThenTheMessageFailsOnceTheDelaysAreUsedUp() {
        AttemptRecord first = schedule.after(message(0, GIVE_UP), failed(), NOW, true);
        AttemptRecord second = schedule.after(message(1, GIVE_UP), failed(), NOW, true);
        AttemptRecord third = schedule.after(message(2, GIVE_UP), failed(), NOW, true);

        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(first.report()).as("not final: nothing to report yet").isFalse();
        assertThat(second.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(third.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.nextAttemptAt()).as("a final message keeps its due time").isEqualTo(QUEUED);
        assertThat(third.report()).isTrue();
    }

    @Test
    void aRetryThatWouldComePastTheBoundFailsTheMessage() {
        AttemptRecord record = schedule.after(message(0, NOW.plusSeconds(59)), failed(), NOW, false);

        assertThat(record.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(record.report()).as("no listener for its kind").isFalse();
    }

    @Test
    void aPartnerAskingToWaitSpendsNoRetryAndTheMessageIsDueWhenItAsked() {
        AttemptRecord record = schedule.after(message(1, GIVE_UP), Attempt.answered(429, "", "7", MAPPER), NOW, true);

        assertThat(record.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.nextAttemptAt()).isEqualTo(NOW.plusSeconds(7));
    }

    @Test
    void aMessageNotSentCountsNoAttempt() {
        AttemptRecord paced = schedule.after(message(1, GIVE_UP), Attempt.paced(), NOW, true);
        AttemptRecord unknown = schedule.after(message(1, GIVE_UP), Attempt.noEndpoint("OC09"), NOW, true);

        assertThat(paced.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(paced.attempts()).isEqualTo(1);
        assertThat(paced.nextAttemptAt()).isEqualTo(NOW);
        assertThat(unknown.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(unknown.attempts()).isEqualTo(1);
    }

    @Test
    void anAnswerIsFinal() {
        AttemptRecord delivered = schedule.after(message(0, GIVE_UP),
                Attempt.answered(200, "{\"Libelle_Reponse\":\"OK\"}", MAPPER), NOW, true);
        AttemptRecord rejected = schedule.after(message(2, GIVE_UP),
                Attempt.answered(400, "{\"Libelle_Reponse\":\"MAUVAIS_FORMAT\"}", MAPPER), NOW, true);

        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.attemptedAt()).isEqualTo(NOW);
        assertThat(delivered.report()).isTrue();
        assertThat(rejected.status()).isEqualTo(DeliveryStatus.REJECTED);
        assertThat(rejected.attempts()).isEqualTo(3);
    }
}
