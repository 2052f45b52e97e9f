package fr.eintervention.linetest.oc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AnswerTimingTest {

    private static final Instant TAP = Instant.parse("2026-12-07T08:10:00Z");
    private static final Instant RECEIVED = TAP.plusSeconds(2);

    private final AnswerTiming timing = AnswerTiming.defaults();

    @Test
    void dueAsSoonAsTheFeedHasToldEverythingUpToTheTest() {
        assertThat(timing.isDue(RECEIVED, RECEIVED, TAP, TAP.minusSeconds(1))).isFalse();
        assertThat(timing.isDue(RECEIVED, RECEIVED, TAP, TAP.plusSeconds(1))).isTrue();
        assertThat(timing.isDue(RECEIVED, RECEIVED, TAP, TAP.plusSeconds(5))).isTrue();
    }

    @Test
    void theFeedHasSettledOnlyOnceTheTestsSecondIsOver() {
        // an outage at 08:10:00.700 still belongs to a test dated 08:10:00 (decision 0081)
        assertThat(timing.isDue(RECEIVED, RECEIVED, TAP, TAP)).isFalse();
        assertThat(timing.isDue(RECEIVED, RECEIVED, TAP, TAP.plusMillis(999))).isFalse();
    }

    @Test
    void dueAtMostTwoMinutesAfterTheRequestWhateverTheFeed() {
        assertThat(timing.latest(RECEIVED)).isEqualTo(RECEIVED.plusSeconds(120));
        assertThat(timing.isDue(RECEIVED.plusSeconds(119), RECEIVED, TAP, null)).isFalse();
        assertThat(timing.isDue(RECEIVED.plusSeconds(120), RECEIVED, TAP, null)).isTrue();
    }
}
