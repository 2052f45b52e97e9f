package fr.eintervention.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.eintervention.conformance.doubles.FaultyDo;

/** The DO suite against a double of a DO, which plays the operator's steps: right, it passes; with each fault, the test named for it fails. */
class DoFaultsTest {

    @TempDir
    Path reports;

    @Test
    void theRightDoublePassesEveryTest() throws Exception {
        KitRun run = runAgainst(null);
        assertThat(run.requiredNotPassed()).as(run.console()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ConformanceKit.PASSED);
    }

    @ParameterizedTest
    @EnumSource(FaultyDo.Fault.class)
    void eachFaultIsCaught(FaultyDo.Fault fault) throws Exception {
        KitRun run = runAgainst(fault);
        assertThat(run.statuses().get(fault.caughtBy())).as(run.console()).isIn("FAILED", "WARNING");
    }

    private KitRun runAgainst(FaultyDo.Fault fault) throws Exception {
        int port = KitRun.freePort();
        try (FaultyDo dealer = new FaultyDo(fault, "http://127.0.0.1:" + port)) {
            return KitRun.of(reports, dealer, "do", "--target", "http://do-double.invalid", "--listen", "127.0.0.1:" + port,
                    "--wait-seconds", "3", "--retry-wait-seconds", "3", "--operator-wait-seconds", "5");
        }
    }
}
