package fr.eintervention.linetest.oi;

import java.time.Duration;
import java.util.Objects;

/**
 * The OI's settings of the line tests.
 *
 * @param minimumDelay          between the {@code dateTest} of two tests (decision 0031)
 * @param answerDeadline        an OC's time to answer a test after the OI accepted it (decision 0036)
 * @param testRequiredBeforeEnd an end without any test is refused M3TX_NON_DEMANDE (decision 0038)
 */
public record LineTestRules(Duration minimumDelay, Duration answerDeadline, boolean testRequiredBeforeEnd) {

    /** 5 tests at most per intervention (the sequence diagram of Lot 2). */
    public static final int MAX_TESTS = 5;

    public LineTestRules {
        Objects.requireNonNull(minimumDelay, "minimumDelay");
        Objects.requireNonNull(answerDeadline, "answerDeadline");
        if (minimumDelay.isNegative() || answerDeadline.isNegative() || answerDeadline.isZero()) {
            throw new IllegalArgumentException("minimumDelay >= 0 and answerDeadline > 0 expected");
        }
    }

    /** 2 minutes between two tests, 5 minutes to answer, tests optional. */
    public static LineTestRules defaults() {
        return new LineTestRules(Duration.ofMinutes(2), Duration.ofMinutes(5), false);
    }
}
