package fr.eintervention.oc.intervention;

/** What the OC did with an accepted M2/M4. Every one is answered OK. */
public enum WindowOutcome {
    /** first M2, or first M4 (with or without M2 before it): recorded */
    NEW,
    /** same content as what is recorded: nothing done */
    DUPLICATE,
    /** re-emission with different content: the window is updated */
    CORRECTED,
    /** M2 after M4: the M4's window is final, nothing changes */
    IGNORED
}
