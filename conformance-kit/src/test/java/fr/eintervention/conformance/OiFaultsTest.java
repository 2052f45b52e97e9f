package fr.eintervention.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.eintervention.conformance.doubles.FaultyOi;

/** The OI suite against a double of an OI: right, it passes; with each fault, the test named for it fails. */
class OiFaultsTest {

    @TempDir
    Path reports;

    @Test
    void theRightDoublePassesEveryRequiredTest() throws Exception {
        KitRun run = runAgainst(null);
        assertThat(run.requiredNotPassed()).as(run.console()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ConformanceKit.PASSED);
    }

    @ParameterizedTest
    @EnumSource(FaultyOi.Fault.class)
    void eachFaultIsCaught(FaultyOi.Fault fault) throws Exception {
        KitRun run = runAgainst(fault);
        assertThat(run.statuses().get(fault.caughtBy())).as(run.console()).isIn("FAILED", "WARNING");
    }

    /** The report the documentation shows: target/conformance-report-faulty-oi/conformance.html. */
    @Test
    void theReportOfARunAgainstAFaultyOiShowsTheFailure() throws Exception {
        Path example = Path.of("target/conformance-report-faulty-oi");
        KitRun run = runAgainst(FaultyOi.Fault.PM_INCONNU_WITH_HTTP_200, example);
        assertThat(run.exitCode()).isEqualTo(ConformanceKit.FAILED);
        assertThat(java.nio.file.Files.readString(example.resolve("conformance.html"))).contains("OI-F1-017 FAILED");
    }

    private KitRun runAgainst(FaultyOi.Fault fault) throws Exception {
        return runAgainst(fault, reports);
    }

    private KitRun runAgainst(FaultyOi.Fault fault, Path into) throws Exception {
        int port = KitRun.freePort();
        try (FaultyOi oi = new FaultyOi(fault, "http://127.0.0.1:" + port)) {
            return KitRun.of(into, (key, instruction) -> { }, "oi", "--target", oi.url(), "--listen", "127.0.0.1:" + port,
                    "--wait-seconds", "3", "--retry-wait-seconds", "3",
                    // a slow answer costs its seconds: only where the test of a timeout is the point
                    "--slow-answer-seconds", fault == null || fault == FaultyOi.Fault.NO_RETRY_AFTER_A_TIMEOUT ? "3" : "0");
        }
    }
}
