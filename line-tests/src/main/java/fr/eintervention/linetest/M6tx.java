package fr.eintervention.linetest;

import java.util.List;

/**
 * One M6TX, the OI's relay to the DO of one OC's answer (decision 0034): what the OI sends and
 * the technician's app reads.
 *
 * @param numeroTest          the test; {@code null} for the end's answer (left out of the message)
 * @param codeOc              {@code codeOCImpacte}
 * @param nombreOc            {@code nombreOC}: how many OCs the test was relayed to
 * @param multiInterventionOi {@code multiInterventionOI}: another intervention on the PM overlaps the window
 * @param reparation          {@code reparation}: the OC asks this DO for a repair
 */
public record M6tx(Integer numeroTest, String codeOc, int nombreOc, boolean multiInterventionOi, boolean reparation,
        List<CustomerDown> customersDown, List<LineRestored> linesRestored) {

    public M6tx {
        customersDown = List.copyOf(customersDown);
        linesRestored = List.copyOf(linesRestored);
    }
}
