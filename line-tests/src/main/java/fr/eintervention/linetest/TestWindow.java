package fr.eintervention.linetest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The time a line test evaluates: for the first test [start of the intervention, its
 * {@code dateTest}], for the next ones ]previous {@code dateTest}, this {@code dateTest}], for the
 * end [start, end] (decision 0033). Consecutive windows never share an instant, so an outage is
 * told in one test only. The protocol's times are whole seconds: a bound stands for its whole
 * second, so an outage at 12:00:00.700 lies in the window of a test dated 12:00:00, not in the
 * next one's (decision 0081).
 *
 * @param fromIncluded whether {@code from} itself lies in the window
 */
public record TestWindow(Instant from, boolean fromIncluded, Instant to) {

    public TestWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
        }
    }

    /**
     * The window of a test asked at {@code dateTest}.
     *
     * @param previousTest the {@code dateTest} of the previous test, {@code null} for the first
     */
    public static TestWindow ofTest(Instant interventionStart, Instant previousTest, Instant dateTest) {
        return previousTest == null
                ? new TestWindow(interventionStart, true, dateTest)
                : new TestWindow(previousTest, false, dateTest);
    }

    /** The end's window: the whole intervention, both ends included (as M5's). */
    public static TestWindow ofEnd(Instant interventionStart, Instant interventionEnd) {
        return new TestWindow(interventionStart, true, interventionEnd);
    }

    /** Whether {@code instant} lies in the window, each bound standing for its whole second. */
    public boolean contains(Instant instant) {
        Instant second = second(instant);
        boolean afterFrom = fromIncluded ? !second.isBefore(second(from)) : second.isAfter(second(from));
        return afterFrom && !second.isAfter(second(to));
    }

    /** The first instant after the window: the end of {@code to}'s second. */
    public Instant until() {
        return endOfSecond(to);
    }

    /** The end of the second a protocol time stands for: the first instant after it. */
    public static Instant endOfSecond(Instant time) {
        return second(time).plusSeconds(1);
    }

    private static Instant second(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Whether another intervention, from {@code start} to {@code end} ({@code null} while it has
     * not ended: it lasts until now), shares time with this window.
     */
    public boolean overlaps(Instant start, Instant end) {
        boolean startsInTime = !start.isAfter(to);
        boolean endsInTime = end == null || (fromIncluded ? !end.isBefore(from) : end.isAfter(from));
        return startsInTime && endsInTime;
    }
}
