package fr.eintervention.linetest.oc;

import java.util.List;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;

/** What an OC answers a test with (M5TX's {@code clientHSOC} and {@code ligneClientRetablie}), earliest first. */
public record Evaluation(List<CustomerDown> customersDown, List<LineRestored> linesRestored) {

    public Evaluation {
        customersDown = List.copyOf(customersDown);
        linesRestored = List.copyOf(linesRestored);
    }
}
