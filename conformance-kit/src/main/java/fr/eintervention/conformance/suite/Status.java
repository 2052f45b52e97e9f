package fr.eintervention.conformance.suite;

/** The result of one test. */
public enum Status {
    PASSED, FAILED, WARNING, SKIPPED
}
