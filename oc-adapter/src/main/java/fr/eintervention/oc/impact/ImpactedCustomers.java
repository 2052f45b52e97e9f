package fr.eintervention.oc.impact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.Route;
import fr.eintervention.linetest.TestWindow;
import fr.eintervention.linetest.oc.LineOutage;
import fr.eintervention.linetest.oc.WindowEvaluation;
import fr.eintervention.oc.intervention.EndedInterventions;
import fr.eintervention.oc.outage.Cause;
import fr.eintervention.oc.outage.Outage;

/**
 * Who goes into an M5 (spec 2.1.5): the OC's customers on the intervention's PM whose outage
 * began within [Debut_Inter, Fin_Inter], bounds included, restored since or not, except
 * <ul>
 * <li>power cuts (dying gasp): not the technician's doing;</li>
 * <li>an unknown PTO or an unknown outage time: the OI could do nothing with them;</li>
 * <li>the customer the DO is working on, when the OC is that DO;</li>
 * <li>terminated customers, when configured (the spec allows it).</li>
 * </ul>
 * A customer down several times in the window is listed once, with its first outage. These are
 * the line tests' rules over the end's window ({@link WindowEvaluation}, {@link TestWindow#ofEnd}):
 * M5 and M5TX tell the same customers.
 */
final class ImpactedCustomers {

    private final WindowEvaluation evaluation;

    ImpactedCustomers(boolean excludeTerminated) {
        this.evaluation = new WindowEvaluation(excludeTerminated);
    }

    /**
     * @param outages       the outages on the intervention's PM
     * @param ownCustomers  the PTOs the OC's own technicians worked on at that PM during the window
     * @return one outage per impacted customer, in order of outage time
     */
    List<Outage> select(EndedInterventions.Ended intervention, List<Outage> outages, Set<String> ownCustomers) {
        Map<String, Outage> byLine = new HashMap<>();
        List<LineOutage> lines = outages.stream().map(outage -> {
            LineOutage line = line(outage);
            byLine.putIfAbsent(key(line.pto(), line.downAt()), outage);
            return line;
        }).toList();
        List<CustomerDown> down = evaluation.evaluate(TestWindow.ofEnd(intervention.start(), intervention.end()),
                intervention.start(), lines, ownCustomers).customersDown();
        return down.stream().map(customer -> byLine.get(key(customer.pto(), customer.downAt()))).toList();
    }

    private static String key(String pto, Object downAt) {
        return pto + "@" + downAt;
    }

    /** An outage as the line tests' rules read it: a dying gasp is a power cut. */
    static LineOutage line(Outage outage) {
        Outage.V2Route v2 = outage.v2Route();
        return new LineOutage(outage.pto(), new Route(outage.pbo(), outage.tube(), outage.fibre(), v2.moduleName(),
                outage.position(), v2.couplerPosition(), v2.ontSerial(), v2.patchCordColour(), v2.serviceReference()),
                outage.downAt(), outage.upAt(), outage.cause() == Cause.DYING_GASP, outage.terminated());
    }
}
