package fr.eintervention.linetest.oi;

import fr.eintervention.linetest.M6tx;

/** What an M5TX did (decisions 0034, 0036). */
public sealed interface AnswerOutcome {

    /** Accepted: store it, answer OK, send this M6TX to the DO. */
    record Relayed(M6tx m6tx) implements AnswerOutcome {
    }

    /** The same answer again: answer OK, send nothing. */
    record Repeated() implements AnswerOutcome {
    }

    /** Refused: nothing stored, nothing sent. */
    record Refused(Refusal refusal) implements AnswerOutcome {
    }
}
