package fr.eintervention.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.eintervention.conformance.report.Reports;
import fr.eintervention.conformance.suite.KitConfig;
import fr.eintervention.conformance.suite.Operator;
import fr.eintervention.conformance.suite.Role;
import fr.eintervention.conformance.suite.Run;
import fr.eintervention.conformance.suite.Session;
import fr.eintervention.conformance.suite.Suite;
import fr.eintervention.conformance.suite.TestCase;
import fr.eintervention.conformance.wire.Http;
import fr.eintervention.conformance.wire.Listener;

/**
 * {@code eintervention-conformance oi|oc|do --target URL [options]}: runs the suite of a role
 * against an operator's endpoint and writes its reports. Exit code 0 when every required test
 * passed, 1 otherwise, 2 when the run could not take place (the reason on the error output).
 */
public final class ConformanceKit {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int COULD_NOT_RUN = 2;

    private static final String USAGE = """
            usage: eintervention-conformance oi|oc|do --target URL [--version v1] [--listen HOST:PORT] [--public-url URL]
                   [--token-url URL --client-id ID --client-secret SECRET] [--oc-secret CODE=SECRET ...] [--config kit.yml]
                   [--prefix CONF] [--max-requests 300] [--max-minutes 15] [--wait-seconds 30] [--retry-wait-seconds 150]
                   [--operator-wait-seconds 600] [--slow-answer-seconds 0] [--reports DIR] [--expect-failures FILE] [--only ID-PREFIX,...] [--dry-run]
                   eintervention-conformance oi|oc|do --list
            See docs/how-to/run-the-conformance-kit.md.""";

    private ConformanceKit() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Operator.console(System.out)));
    }

    /** Runs the kit as the command line does; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Operator operator) {
        if (args.length == 0 || args[0].startsWith("-h") || args[0].equals("--help")) {
            err.println(USAGE);
            return COULD_NOT_RUN;
        }
        Role role;
        KitConfig config;
        try {
            role = Role.of(args[0]);
            config = KitConfig.parse(Arrays.asList(args).subList(1, args.length));
            for (String number : new String[] {"max-requests", "max-minutes", "wait-seconds", "retry-wait-seconds", "operator-wait-seconds",
                "slow-answer-seconds"}) {
                config.number(number);
            }
            config.listenPort();
        } catch (IllegalArgumentException e) {
            err.println("cannot run: " + e.getMessage() + "\n" + USAGE);
            return COULD_NOT_RUN;
        }
        Optional<Suite> found = Suites.of(role, config.version());
        if (found.isEmpty()) {
            err.println("cannot run: the kit has no " + config.version() + " suite for " + role
                    + " (v1 is covered; v2 is not yet)");
            return COULD_NOT_RUN;
        }
        Suite suite = found.get();
        if (config.list()) {
            list(suite, out);
            return PASSED;
        }
        if (config.target() == null) {
            err.println("cannot run: --target URL is required\n" + USAGE);
            return COULD_NOT_RUN;
        }
        Set<String> expected;
        try {
            expected = config.get("expect-failures") == null ? Set.of() : Run.expectedFailures(Path.of(config.get("expect-failures")));
        } catch (IOException e) {
            err.println("cannot run: cannot read --expect-failures " + config.get("expect-failures") + ": " + e.getMessage());
            return COULD_NOT_RUN;
        }
        if (config.get("token-url") != null && (config.get("client-id") == null || config.get("client-secret") == null)) {
            err.println("cannot run: --token-url needs --client-id and --client-secret");
            return COULD_NOT_RUN;
        }
        Map<String, String> secrets = new LinkedHashMap<>(config.ocSecrets());
        if (config.get("client-id") != null) {
            secrets.put(config.get("client-id"), config.get("client-secret"));
        }
        String runId = randomRunId();
        Listener listener;
        try {
            listener = Listener.start(config.listenHost(), config.listenPort(), suite.responder());
        } catch (BindException e) {
            err.println("cannot run: cannot listen on " + config.get("listen") + ": " + e.getMessage());
            return COULD_NOT_RUN;
        } catch (IOException | RuntimeException e) {
            err.println("cannot run: cannot listen on " + config.get("listen") + ": " + e);
            return COULD_NOT_RUN;
        }
        try (listener) {
            String kitUrl = config.publicUrl(listener.port());
            out.println(Reports.titleOf(suite) + " against " + config.target() + " (run " + runId + ")");
            out.println(suite.referential(config).replace("<kit>", kitUrl));
            out.println("The kit listens at " + kitUrl + (config.dryRun() ? "; dry run: nothing is sent" : "") + "\n");
            Http http = new Http(config.get("token-url"), secrets, config.number("max-requests"), config.dryRun(), out);
            Session session = new Session(config, http, listener, kitUrl, operator, out, runId);
            Run.Result result = Run.execute(suite, session, expected);
            Path reports = Path.of(config.get("reports"));
            Reports.write(result, config.target(), reports);
            out.printf("%n%d tests in %.1f s: %d passed, %d failed, %d warnings, %d skipped; %d requests sent%n", result.outcomes().size(),
                    result.took().toMillis() / 1000.0, result.count(fr.eintervention.conformance.suite.Status.PASSED),
                    result.count(fr.eintervention.conformance.suite.Status.FAILED),
                    result.count(fr.eintervention.conformance.suite.Status.WARNING),
                    result.count(fr.eintervention.conformance.suite.Status.SKIPPED), http.sent());
            out.println("Reports: " + reports.toAbsolutePath().resolve("conformance.html") + ", conformance.json, TEST-conformance.xml");
            if (config.dryRun()) {
                return PASSED;
            }
            if (result.stoppedBecause() != null) {
                err.println("the run stopped: " + result.stoppedBecause());
                return COULD_NOT_RUN;
            }
            return result.passed() ? PASSED : FAILED;
        } catch (IOException e) {
            err.println("cannot write the reports: " + e.getMessage());
            return COULD_NOT_RUN;
        }
    }

    private static void list(Suite suite, PrintStream out) {
        out.println(Reports.titleOf(suite));
        for (TestCase test : suite.tests()) {
            out.printf("%-10s %-11s %s  [%s]%n", test.definition().id(), test.definition().level(), test.definition().title(),
                    test.definition().clause());
        }
    }

    private static String randomRunId() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
