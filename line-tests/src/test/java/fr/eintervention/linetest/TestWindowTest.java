package fr.eintervention.linetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TestWindowTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant T1 = START.plusSeconds(600);
    private static final Instant T2 = START.plusSeconds(1200);

    @Test
    void theFirstTestsWindowIncludesBothEnds() {
        TestWindow window = TestWindow.ofTest(START, null, T1);

        assertThat(window.contains(START)).isTrue();
        assertThat(window.contains(T1)).isTrue();
        assertThat(window.contains(START.minusMillis(1))).isFalse();
        assertThat(window.contains(T1.plusSeconds(1))).isFalse();
    }

    @Test
    void aBoundStandsForItsWholeSecond() {
        // protocol times are whole seconds: an outage at 08:10:00.700 is in a test dated 08:10:00 (decision 0081)
        TestWindow first = TestWindow.ofTest(START, null, T1);
        TestWindow second = TestWindow.ofTest(START, T1, T2);

        assertThat(first.contains(T1.plusMillis(700))).isTrue();
        assertThat(first.contains(T1.plusMillis(999))).isTrue();
        assertThat(second.contains(T1.plusMillis(700))).isFalse();
        assertThat(second.contains(T1.plusSeconds(1))).isTrue();
        assertThat(first.until()).isEqualTo(T1.plusSeconds(1));
        assertThat(TestWindow.ofEnd(START, T2.plusMillis(250)).until()).isEqualTo(T2.plusSeconds(1));
    }

    @Test
    void aLaterTestsWindowLeavesThePreviousTestsInstantToThePrevious() {
        TestWindow window = TestWindow.ofTest(START, T1, T2);

        assertThat(window.contains(T1)).isFalse();
        assertThat(window.contains(T1.plusSeconds(1))).isTrue();
        assertThat(window.contains(T2)).isTrue();
    }

    @Test
    void theEndsWindowIsTheWholeIntervention() {
        TestWindow window = TestWindow.ofEnd(START, T2);

        assertThat(window.contains(START)).isTrue();
        assertThat(window.contains(T1)).isTrue();
        assertThat(window.contains(T2)).isTrue();
    }

    @Test
    void anotherInterventionOverlapsWhenItSharesTime() {
        TestWindow window = TestWindow.ofTest(START, T1, T2);

        assertThat(window.overlaps(START, null)).isTrue();
        assertThat(window.overlaps(START, T1)).isFalse();
        assertThat(window.overlaps(START, T1.plusSeconds(1))).isTrue();
        assertThat(window.overlaps(T2, null)).isTrue();
        assertThat(window.overlaps(T2.plusSeconds(1), null)).isFalse();
        assertThat(TestWindow.ofTest(START, null, T1).overlaps(START.minusSeconds(60), START)).isTrue();
    }

    @Test
    void aWindowCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> TestWindow.ofTest(START, T2, T1)).isInstanceOf(IllegalArgumentException.class);
    }
}
