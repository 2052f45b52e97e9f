package fr.eintervention.linetest.oi;

/** Where one OC stands for one test at the OI. */
public enum OcState {
    /** the test was relayed to it, no answer yet */
    WAITING,
    /** its answer was accepted and relayed */
    ANSWERED,
    /** its answer deadline passed (decision 0036) */
    GIVEN_UP_LATE,
    /** it refused the test (TEST_NON_REALISE) or its M4TX failed for good (decision 0035) */
    GIVEN_UP_REFUSED
}
