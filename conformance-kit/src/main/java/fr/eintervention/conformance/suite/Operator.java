package fr.eintervention.conformance.suite;

/**
 * The person running the kit, for the steps only the target's own tools can start (a DO declaring
 * a presence, an OC's line test causing an M5): the kit says what to do, then waits for the
 * message to arrive, as Inferno's attestation steps do. The in-build tests drive the project's own
 * services through this interface.
 */
@FunctionalInterface
public interface Operator {

    /** Asks for an action on the target; the kit then waits for its effect. {@code key}: a stable name of the step. */
    void ask(String key, String instruction);

    /** Prints the step on the console: the operator acts on the target while the kit waits. */
    static Operator console(java.io.PrintStream out) {
        return (key, instruction) -> out.println("\n  >>> OPERATOR STEP (" + key + "): " + instruction
                + "\n  >>> the kit waits for the message (--operator-wait-seconds)\n");
    }
}
