package fr.eintervention.linetest.app;

import java.util.List;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;

/**
 * One OC's part of a test, as the technician sees it.
 *
 * @param lines the French text to show, one line each: the OC's state, then each customer down, each line restored
 */
public record OcView(String codeOc, OcStatus status, boolean repairAsked, List<CustomerDown> customersDown,
        List<LineRestored> linesRestored, List<String> lines) {

    public OcView {
        customersDown = List.copyOf(customersDown);
        linesRestored = List.copyOf(linesRestored);
        lines = List.copyOf(lines);
    }
}
