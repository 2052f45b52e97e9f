package fr.eintervention.linetest.oc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import fr.eintervention.linetest.TestWindow;

/**
 * When the OC answers a test (decision 0037): as soon as its outage feed has settled up to the
 * test's {@code dateTest} (it has delivered an event dated after that second, or the supervision said it
 * has nothing more up to it), at most {@code maxSettlingDelay} (2 minutes by default) after the
 * M4TX was received.
 */
public final class AnswerTiming {

    private final Duration maxSettlingDelay;

    public AnswerTiming(Duration maxSettlingDelay) {
        this.maxSettlingDelay = Objects.requireNonNull(maxSettlingDelay, "maxSettlingDelay");
        if (maxSettlingDelay.isNegative()) {
            throw new IllegalArgumentException("maxSettlingDelay >= 0 expected");
        }
    }

    /** At most 2 minutes. */
    public static AnswerTiming defaults() {
        return new AnswerTiming(Duration.ofMinutes(2));
    }

    /**
     * Whether the answer is due at {@code now}.
     *
     * @param feedSettledUpTo the time up to which the outage feed has told everything (the latest
     *                        event's time, or the supervision's word); {@code null} when unknown
     */
    public boolean isDue(Instant now, Instant m4txReceivedAt, Instant dateTest, Instant feedSettledUpTo) {
        // the test's window runs to the end of dateTest's second (decision 0081)
        boolean settled = feedSettledUpTo != null && !feedSettledUpTo.isBefore(TestWindow.endOfSecond(dateTest));
        return settled || !now.isBefore(latest(m4txReceivedAt));
    }

    /** The latest the answer is due, whatever the feed says. */
    public Instant latest(Instant m4txReceivedAt) {
        return m4txReceivedAt.plus(maxSettlingDelay);
    }
}
