package fr.eintervention.conformance.suite;

import java.util.List;

/**
 * What one test gave: its status, a message saying why, the exchanges it made or saw, and whether
 * its failure is an accepted deviation the operator listed ({@code --expect-failures}).
 */
public record Outcome(TestDefinition test, Status status, String message, List<Exchange> exchanges, boolean acceptedDeviation,
        long millis) {

    /** Counts against the run: a REQUIRED test FAILED that the operator did not list as accepted. */
    public boolean failsTheRun() {
        return status == Status.FAILED && !acceptedDeviation;
    }
}
