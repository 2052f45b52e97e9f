package fr.eintervention.oi.intervention;

/** What the OI did with an accepted M1/M3 (docs/explanation/protocol-rules.md, the OI receiving M1 and M3). */
public enum DeclarationOutcome {
    /** first M1, first M3 (before or after M1): recorded, M2 or M4 queued */
    NEW,
    /** same content as what is recorded: nothing done */
    DUPLICATE,
    /** re-emission with different content: updated, a corrected M2/M4 queued */
    CORRECTED,
    /** M1 after M3: nothing overwritten, no flow */
    IGNORED,
    /** a v2 repair report: kept as received, relayed to the OCs */
    RECEIVED
}
