package fr.eintervention.linetest.app;

/** Where one OC stands for one test, as the technician sees it. */
public enum OcStatus {
    /** asked, no answer yet */
    WAITING,
    /** its M6TX arrived */
    ANSWERED,
    /** its answer deadline passed (decision 0036) */
    NO_ANSWER,
    /** present at the PM but speaks v1: not tested (decision 0035) */
    UNTESTABLE
}
