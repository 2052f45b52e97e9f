package fr.eintervention.conformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.eintervention.conformance.wire.Http;

/** Runs a suite's tests in order, each bounded by the run's deadline, and collects their outcomes. */
public final class Run {

    /** The run's outcomes and how it ended. */
    public record Result(Suite suite, Instant started, Duration took, List<Outcome> outcomes, String stoppedBecause) {

        public boolean passed() {
            return stoppedBecause == null && outcomes.stream().noneMatch(Outcome::failsTheRun);
        }

        public long count(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    private Run() {
    }

    /** Reads a list of accepted deviations: one test id per line, {@code #} starts a comment. */
    public static Set<String> expectedFailures(Path file) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file)) {
            String id = line.replaceAll("#.*", "").trim();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The suite's tests, or those whose id starts with one of {@code only} (comma-separated). */
    public static List<TestCase> selected(Suite suite, String only) {
        if (only == null || only.isBlank()) {
            return suite.tests();
        }
        List<String> prefixes = List.of(only.split("\\s*,\\s*"));
        return suite.tests().stream().filter(t -> prefixes.stream().anyMatch(p -> t.definition().id().startsWith(p))).toList();
    }

    public static Result execute(Suite suite, Session session, Set<String> expectedFailures) {
        Instant started = Instant.now();
        Instant deadline = started.plus(session.config().seconds("max-minutes").multipliedBy(60));
        List<Outcome> outcomes = new ArrayList<>();
        String stopped = null;
        for (TestCase test : selected(suite, session.config().get("only"))) {
            TestDefinition definition = test.definition();
            if (stopped != null || Instant.now().isAfter(deadline)) {
                if (stopped == null) {
                    stopped = "the run reached its time bound (--max-minutes)";
                }
                outcomes.add(new Outcome(definition, Status.SKIPPED, "not run: " + stopped, List.of(), false, 0));
                continue;
            }
            List<Exchange> exchanges = session.startTest();
            long start = System.nanoTime();
            Status status;
            String message;
            try {
                test.scenario().run(session);
                status = Status.PASSED;
                message = "";
            } catch (CheckFailed failed) {
                status = failed.skipped() ? Status.SKIPPED : definition.level() == Level.REQUIRED ? Status.FAILED : Status.WARNING;
                message = failed.getMessage();
            } catch (Http.BoundReached bound) {
                stopped = bound.getMessage();
                status = Status.SKIPPED;
                message = "not run: " + stopped;
            } catch (Exception e) {
                status = definition.level() == Level.REQUIRED ? Status.FAILED : Status.WARNING;
                message = "the test could not complete: " + e;
            }
            if (session.config().dryRun() && status != Status.PASSED) {
                status = Status.SKIPPED;
                message = message.startsWith("dry run") ? message : "dry run: " + message;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean accepted = (status == Status.FAILED || status == Status.WARNING) && expectedFailures.contains(definition.id());
            List<Exchange> seen;
            synchronized (exchanges) {
                seen = List.copyOf(exchanges);
            }
            Outcome outcome = new Outcome(definition, status, message, seen, accepted, millis);
            outcomes.add(outcome);
            session.out().printf("%-10s %-8s%s %s%s%n", definition.id(), status, accepted ? " (accepted)" : "", definition.title(),
                    message.isEmpty() ? "" : "\n           " + message);
        }
        return new Result(suite, started, Duration.between(started, Instant.now()), outcomes, stopped);
    }
}
