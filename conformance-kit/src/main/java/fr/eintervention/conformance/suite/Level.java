package fr.eintervention.conformance.suite;

/** How much a test weighs: a failed REQUIRED test fails the run; a failed RECOMMENDED one is a WARNING. */
public enum Level {
    REQUIRED, RECOMMENDED
}
