package fr.eintervention.oc.impact;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * A customer down several times in the window is listed once, with its first outage.
 */
final class ImpactedCustomers {

    private final boolean excludeTerminated;

    ImpactedCustomers(boolean excludeTerminated) {
        this.excludeTerminated = excludeTerminated;
    }

    /**
     * @param outages       the outages on the intervention's PM
     * @param ownCustomers  the PTOs the OC's own technicians worked on at that PM during the window
     * @return one outage per impacted customer, in order of outage time
     */
    List<Outage> select(EndedInterventions.Ended intervention, List<Outage> outages, Set<String> ownCustomers) {
        Map<String, Outage> firstByPto = new LinkedHashMap<>();
        outages.stream()
                .filter(outage -> outage.pto() != null && outage.downAt() != null)
                .filter(outage -> intervention.contains(outage.downAt()))
                .filter(outage -> outage.cause() != Cause.DYING_GASP)
                .filter(outage -> !(excludeTerminated && outage.terminated()))
                .filter(outage -> !ownCustomers.contains(outage.pto()))
                .sorted(Comparator.comparing(Outage::downAt))
                .forEach(outage -> firstByPto.putIfAbsent(outage.pto(), outage));
        return List.copyOf(firstByPto.values());
    }
}
