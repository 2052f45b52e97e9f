package fr.eintervention.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import fr.eintervention.conformance.doubles.FaultyOi;
import fr.eintervention.conformance.suite.Role;
import fr.eintervention.conformance.suite.TestCase;

/** The command line: exit codes, --list, --dry-run, the bounds, accepted deviations, and the three reports. */
class KitCommandLineTest {

    private static final Pattern ID = Pattern.compile("(OI|OC|DO)-F[123]-\\d{3}");

    @TempDir
    Path reports;

    @Test
    void v2IsNotCoveredYetAndSaysSo() {
        Console console = run("oi", "--target", "http://127.0.0.1:1", "--version", "v2");
        assertThat(console.code()).isEqualTo(ConformanceKit.COULD_NOT_RUN);
        assertThat(console.text()).contains("v2 is not yet");
    }

    @Test
    void anUnknownOptionOrRoleCannotRun() {
        assertThat(run("oi", "--targte", "x").code()).isEqualTo(ConformanceKit.COULD_NOT_RUN);
        assertThat(run("xx", "--target", "x").code()).isEqualTo(ConformanceKit.COULD_NOT_RUN);
        assertThat(run("oi").code()).isEqualTo(ConformanceKit.COULD_NOT_RUN);
        assertThat(run("oi", "--target", "x", "--wait-seconds", "soon").text()).contains("--wait-seconds must be a whole number");
    }

    @Test
    void aConfigFileGivesTheOptionsAndTheCommandLineWins() throws Exception {
        Path file = reports.resolve("kit.yml");
        Files.writeString(file, "oi-code: OI77\noc-codes: [OC05, OC06]\nprefix: KIT\noc-secrets: {OC05: s5}\n");
        Console console = run("oi", "--config", file.toString(), "--oi-code", "OI88", "--target", "http://127.0.0.1:1", "--dry-run",
                "--listen", "127.0.0.1:" + KitRun.freePort(), "--reports", reports.toString());
        assertThat(console.text()).contains("its code:               OI88").contains("OCs OC05 and OC06 present")
                .contains("starts with KIT-").contains("\"Code_OI\":\"OI88\"");

        Files.writeString(file, "oi-cod: OI77\n");
        assertThat(run("oi", "--config", file.toString(), "--target", "x").text()).contains("unknown option oi-cod");
    }

    @Test
    void everyTestHasAStableUniqueIdATitleAClauseAndALevel() {
        Set<String> ids = new HashSet<>();
        for (Role role : Role.values()) {
            List<TestCase> tests = Suites.of(role, "v1").orElseThrow().tests();
            assertThat(tests).isNotEmpty();
            for (TestCase test : tests) {
                assertThat(test.definition().id()).matches(ID).startsWith(role.name());
                assertThat(ids.add(test.definition().id())).as("unique " + test.definition().id()).isTrue();
                assertThat(test.definition().title()).isNotBlank();
                assertThat(test.definition().clause()).isNotBlank();
                assertThat(test.definition().level()).isNotNull();
            }
            Console list = run(role.lower(), "--list");
            assertThat(list.code()).isZero();
            tests.forEach(t -> assertThat(list.text()).contains(t.definition().id()));
        }
    }

    @Test
    void aDryRunSendsNothingAndSkipsEveryTest() throws Exception {
        Console console = run("oi", "--target", "http://127.0.0.1:1", "--listen", "127.0.0.1:" + KitRun.freePort(), "--dry-run",
                "--reports", reports.toString());
        assertThat(console.code()).isZero();
        assertThat(console.text()).contains("would send: POST http://127.0.0.1:1/v1/intervention_DO").contains("0 requests sent");
        assertThat(Files.readString(reports.resolve("conformance.json"))).doesNotContain("\"status\" : \"PASSED\"", "\"status\" : \"FAILED\"");
    }

    @Test
    void theRequestBoundStopsTheRun() throws Exception {
        int port = KitRun.freePort();
        try (FaultyOi oi = new FaultyOi(null, "http://127.0.0.1:" + port)) {
            KitRun run = KitRun.of(reports, (k, i) -> { }, "oi", "--target", oi.url(), "--listen", "127.0.0.1:" + port, "--max-requests", "5",
                    "--wait-seconds", "2");
            assertThat(run.exitCode()).isEqualTo(ConformanceKit.COULD_NOT_RUN);
            assertThat(run.console()).contains("bound of 5 requests");
            assertThat(run.statuses().values()).contains("SKIPPED");
        }
    }

    @Test
    void aFailureFailsTheRunUnlessItIsAnAcceptedDeviation() throws Exception {
        int port = KitRun.freePort();
        try (FaultyOi oi = new FaultyOi(FaultyOi.Fault.PM_INCONNU_WITH_HTTP_200, "http://127.0.0.1:" + port)) {
            String[] args = {"oi", "--target", oi.url(), "--listen", "127.0.0.1:" + port, "--wait-seconds", "2", "--retry-wait-seconds", "2"};
            KitRun failing = KitRun.of(reports, (k, i) -> { }, args);
            assertThat(failing.exitCode()).isEqualTo(ConformanceKit.FAILED);

            List<String> failed = failing.statuses().entrySet().stream().filter(e -> e.getValue().equals("FAILED")).map(Map.Entry::getKey).toList();
            assertThat(failed).contains("OI-F1-017");

            Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("TEST-conformance.xml").toFile());
            assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo(String.valueOf(failed.size()));
            String html = Files.readString(reports.resolve("conformance.html"));
            assertThat(html).contains("OI-F1-017 FAILED").contains("Sent: POST").contains("Expected: PM_INCONNU").contains("curl -i -X POST")
                    .doesNotContain("<script", "<link", "src=\"http");

            Path accepted = reports.resolve("accepted.txt");
            Files.writeString(accepted, "# agreed with our DOs\n" + String.join("  # PM_INCONNU with 200\n", failed) + "\n");
            String[] withList = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--expect-failures",
                    accepted.toString())).toArray(String[]::new);
            KitRun tolerated = KitRun.of(reports, (k, i) -> { }, withList);
            assertThat(tolerated.exitCode()).as(tolerated.console()).isEqualTo(ConformanceKit.PASSED);
            assertThat(tolerated.console()).contains("OI-F1-017  FAILED   (accepted)");
            assertThat(Files.readString(reports.resolve("conformance.json"))).contains("\"acceptedDeviation\" : true");
        }
    }

    private record Console(int code, String text) {
    }

    private static Console run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = ConformanceKit.run(args, out, out, (k, i) -> { });
        return new Console(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
