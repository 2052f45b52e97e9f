package fr.eintervention.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.eintervention.conformance.doubles.FaultyOc;

/** The OC suite against a double of an OC: right, it passes; with each fault, the test named for it fails. */
class OcFaultsTest {

    @TempDir
    Path reports;

    @Test
    void theRightDoublePassesEveryTest() throws Exception {
        KitRun run = runAgainst(null);
        assertThat(run.requiredNotPassed()).as(run.console()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ConformanceKit.PASSED);
    }

    @ParameterizedTest
    @EnumSource(FaultyOc.Fault.class)
    void eachFaultIsCaught(FaultyOc.Fault fault) throws Exception {
        KitRun run = runAgainst(fault);
        assertThat(run.statuses().get(fault.caughtBy())).as(run.console()).isIn("FAILED", "WARNING");
    }

    private KitRun runAgainst(FaultyOc.Fault fault) throws Exception {
        int port = KitRun.freePort();
        try (FaultyOc oc = new FaultyOc(fault, "http://127.0.0.1:" + port)) {
            return KitRun.of(reports, (key, instruction) -> { }, "oc", "--target", oc.url(), "--listen", "127.0.0.1:" + port,
                    "--wait-seconds", "3", "--retry-wait-seconds", "3", "--operator-wait-seconds", "5");
        }
    }
}
