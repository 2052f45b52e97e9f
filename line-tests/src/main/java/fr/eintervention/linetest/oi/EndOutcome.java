package fr.eintervention.linetest.oi;

import java.util.List;

/** What an accepted M3 means for the line tests (decision 0038). */
public sealed interface EndOutcome {

    /** The end's round: M4 goes to every OC present as today; these ({@code v2}) owe a closing M5TX. */
    record Accepted(List<String> closingAnswerFrom) implements EndOutcome {

        public Accepted {
            closingAnswerFrom = List.copyOf(closingAnswerFrom);
        }
    }

    /** Refused: the M3 is not stored. */
    record Refused(Refusal refusal) implements EndOutcome {
    }
}
