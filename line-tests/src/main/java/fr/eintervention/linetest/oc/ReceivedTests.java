package fr.eintervention.linetest.oc;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import fr.eintervention.linetest.TestWindow;

/**
 * The tests an OC received (M4TX) for one intervention, and the window each one evaluates: from
 * the latest earlier test it received, or from the intervention's start (decision 0033). An OC
 * that was not asked test {@code n − 1} (not present then) still tells everything since the last
 * test it answered.
 */
public final class ReceivedTests {

    private final Instant interventionStart;
    private final TreeMap<Integer, Instant> dateTests = new TreeMap<>();

    public ReceivedTests(Instant interventionStart) {
        this.interventionStart = Objects.requireNonNull(interventionStart, "interventionStart");
    }

    /**
     * An M4TX received for test {@code numeroTest} asked at {@code dateTest}.
     *
     * @return its window
     */
    public TestWindow receive(int numeroTest, Instant dateTest) {
        dateTests.put(numeroTest, dateTest);
        return window(numeroTest);
    }

    /** The window of a test received. */
    public TestWindow window(int numeroTest) {
        Instant dateTest = dateTests.get(numeroTest);
        if (dateTest == null) {
            throw new IllegalArgumentException("test " + numeroTest + " not received");
        }
        Map.Entry<Integer, Instant> previous = dateTests.lowerEntry(numeroTest);
        return TestWindow.ofTest(interventionStart, previous == null ? null : previous.getValue(), dateTest);
    }

    /** The end's window: the whole intervention, as M5's. */
    public TestWindow endWindow(Instant interventionEnd) {
        return TestWindow.ofEnd(interventionStart, interventionEnd);
    }
}
