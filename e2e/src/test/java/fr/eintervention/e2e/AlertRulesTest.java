package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules of deploy/prometheus are valid and fire when they should (their
 * unit tests, eintervention-alerts.test.yml), checked with Prometheus' own promtool where it is
 * installed (Debian: apt-get install prometheus); skipped, and said so, where it is not, unless
 * {@code EINTERVENTION_REQUIRE_PROMTOOL} is set (CI installs it: there a missing promtool fails).
 */
class AlertRulesTest {

    private static final Path RULES = Path.of(System.getProperty("suite.root", "..")).resolve("deploy/prometheus");

    @Test
    void theRulesAreValidAndTheirUnitTestsPass() throws Exception {
        Path promtool = List.of("/usr/bin/promtool", "/usr/local/bin/promtool").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assertThat(promtool != null || System.getenv("EINTERVENTION_REQUIRE_PROMTOOL") == null)
                .as("promtool required (EINTERVENTION_REQUIRE_PROMTOOL) but not installed").isTrue();
        if (promtool == null) {
            System.out.println("AlertRulesTest skipped: no promtool (apt-get install prometheus to check the alert rules)");
        }
        assumeTrue(promtool != null, "promtool not installed");
        assertThat(run(promtool.toString(), "check", "rules", "eintervention-alerts.yml")).contains("SUCCESS: 3 rules found");
        assertThat(run(promtool.toString(), "test", "rules", "eintervention-alerts.test.yml")).contains("SUCCESS");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
