package fr.eintervention.conformance.suite;

/** What a test does: sends, waits, checks; throws {@link CheckFailed} when the target is at fault. */
@FunctionalInterface
public interface Scenario {
    void run(Session session) throws Exception;
}
