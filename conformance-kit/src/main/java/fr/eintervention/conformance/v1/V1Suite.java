package fr.eintervention.conformance.v1;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import fr.eintervention.conformance.suite.Level;
import fr.eintervention.conformance.suite.Scenario;
import fr.eintervention.conformance.suite.Suite;
import fr.eintervention.conformance.suite.TestCase;
import fr.eintervention.conformance.suite.TestDefinition;
import fr.eintervention.conformance.wire.Listener;

/** What the v1 suites share: their list of tests, the starts of the run's interventions, the canned answers of the kit's listener. */
abstract class V1Suite implements Suite {

    private final List<TestCase> tests = new ArrayList<>();
    /** canned answers per key (e.g. OC and start): consumed one by one, then the protocol's answer */
    private final Map<String, ConcurrentLinkedQueue<Listener.Reply>> script = new ConcurrentHashMap<>();
    private final Instant base = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    private int starts;

    @Override
    public final String version() {
        return "v1";
    }

    @Override
    public final List<TestCase> tests() {
        return tests;
    }

    final void test(String id, String title, String clause, Level level, Scenario scenario) {
        tests.add(new TestCase(new TestDefinition(id, title, clause, level), scenario));
    }

    /** A start of its own for each intervention of the run: it tells their messages apart. */
    final synchronized Instant nextStart() {
        return base.plusSeconds(7L * ++starts);
    }

    /** The kit's listener will answer these, in order, to the requests of that key. */
    final void script(String key, Listener.Reply... replies) {
        script.put(key, new ConcurrentLinkedQueue<>(List.of(replies)));
    }

    /** The next canned answer for that key, or null. */
    final Listener.Reply scripted(String key) {
        ConcurrentLinkedQueue<Listener.Reply> canned = key == null ? null : script.get(key);
        return canned == null ? null : canned.poll();
    }
}
