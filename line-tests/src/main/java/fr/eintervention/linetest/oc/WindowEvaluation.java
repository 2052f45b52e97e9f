package fr.eintervention.linetest.oc;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;
import fr.eintervention.linetest.Route;
import fr.eintervention.linetest.TestWindow;

/**
 * Which of the OC's lines a test's window tells (decision 0033), by the exclusions of M5: a line
 * whose PTO or outage time is unknown, a power cut (dying gasp), the customer the OC's own
 * technician worked on (when the OC is the DO), a terminated customer when configured.
 * <ul>
 * <li><b>customers down</b>: the outage began in the window, restored since or not; each customer
 * once, with its first outage in the window;</li>
 * <li><b>lines restored</b>: the outage ended in the window and began at or after the
 * intervention's start; each customer once, with its last return in the window.</li>
 * </ul>
 */
public final class WindowEvaluation {

    private final boolean excludeTerminated;

    public WindowEvaluation(boolean excludeTerminated) {
        this.excludeTerminated = excludeTerminated;
    }

    /**
     * @param outages      the outages on the intervention's PM that began at or after its start
     *                     (others are ignored)
     * @param ownCustomers the PTOs the OC's own technicians worked on at that PM during the window
     */
    public Evaluation evaluate(TestWindow window, Instant interventionStart, List<LineOutage> outages, Set<String> ownCustomers) {
        Predicate<LineOutage> counts = outage -> outage.pto() != null && outage.downAt() != null && !outage.powerCut()
                && !(excludeTerminated && outage.terminated()) && !ownCustomers.contains(outage.pto())
                && !outage.downAt().isBefore(interventionStart);

        Map<String, CustomerDown> down = new LinkedHashMap<>();
        outages.stream().filter(counts).filter(outage -> window.contains(outage.downAt()))
                .sorted(Comparator.comparing(LineOutage::downAt))
                .forEach(outage -> down.putIfAbsent(outage.pto(), new CustomerDown(outage.pto(), route(outage), outage.downAt())));

        Map<String, LineRestored> restored = new LinkedHashMap<>();
        outages.stream().filter(counts).filter(outage -> outage.upAt() != null && window.contains(outage.upAt()))
                .sorted(Comparator.comparing(LineOutage::upAt))
                .forEach(outage -> {
                    restored.remove(outage.pto());
                    restored.put(outage.pto(), new LineRestored(outage.pto(), route(outage), outage.upAt()));
                });
        return new Evaluation(List.copyOf(down.values()), List.copyOf(restored.values()));
    }

    private static Route route(LineOutage outage) {
        return outage.route() == null ? Route.unknown() : outage.route();
    }
}
