package fr.eintervention.linetest;

import java.time.Instant;
import java.util.Objects;

/**
 * The time a line test evaluates: for the first test [start of the intervention, its
 * {@code dateTest}], for the next ones ]previous {@code dateTest}, this {@code dateTest}], for the
 * end [start, end] (decision 0033). Consecutive windows never share an instant, so an outage is
 * told in one test only.
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

    public boolean contains(Instant instant) {
        boolean afterFrom = fromIncluded ? !instant.isBefore(from) : instant.isAfter(from);
        return afterFrom && !instant.isAfter(to);
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
