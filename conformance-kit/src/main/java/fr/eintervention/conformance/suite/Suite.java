package fr.eintervention.conformance.suite;

import java.util.List;

/**
 * The tests of one role and one protocol version, in the order they run. A suite instance serves
 * one run: later tests may read what earlier ones saw (e.g. that an M2 answered with a refusal was
 * never sent again over the whole run).
 */
public interface Suite {

    Role role();

    /** {@code v1}, {@code v2}. */
    String version();

    List<TestCase> tests();

    /** How the kit's listener answers what the target sends it, unless a test says otherwise. */
    fr.eintervention.conformance.wire.Listener.Responder responder();

    /** What the target's referential must hold for the run (PMs, partners, where the kit listens), printed before it starts. */
    String referential(KitConfig config);
}
