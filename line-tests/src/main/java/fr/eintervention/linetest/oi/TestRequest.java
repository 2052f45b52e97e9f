package fr.eintervention.linetest.oi;

import fr.eintervention.linetest.TestWindow;
import fr.eintervention.linetest.TestedOcs;

/** What an M3TX did (decision 0030). */
public sealed interface TestRequest {

    /**
     * The test is recorded: relay M4TX to {@code tested.relayedTo()}, answer OK with
     * {@code tested.description()}.
     */
    record Accepted(TestWindow window, TestedOcs tested) implements TestRequest {
    }

    /** The same test again (a re-send): answer OK with the same description, relay nothing. */
    record Repeated(TestedOcs tested) implements TestRequest {
    }

    /** Refused: nothing recorded, nothing relayed. */
    record Refused(Refusal refusal) implements TestRequest {
    }
}
