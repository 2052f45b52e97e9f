package fr.eintervention.dogateway;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.Boundaries;

/** The DO gateway's capabilities keep to their packages (docs/explanation/module-boundaries.md). */
class ModuleBoundariesTest {

    private static final Boundaries DO = Boundaries.of("fr.eintervention.dogateway");

    @Test
    void webAdaptersAreUsedByNobodyElse() {
        DO.webAdaptersAreUsedByNobodyElse();
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        DO.capabilitiesAreFreeOfCycles();
    }

    @Test
    void onlyWebAdaptersReadTheCaller() {
        DO.onlyWebAdaptersReadTheCaller();
    }

    @Test
    void repositoriesAreUsedOnlyByTheirPackage() {
        DO.repositoriesAreUsedOnlyByTheirPackage();
    }

    @Test
    void eachTableIsWrittenByTheCapabilityThatOwnsIt() {
        DO.tablesAreWrittenByTheirOwnersOnly(Path.of("src/main/java"), Map.of(
                "intervention", "intervention",
                "declaration", "intervention",
                "repair_report", "intervention",
                "line_test", "linetest",
                "line_test_answer", "linetest",
                "pm_list", "referential"));
    }
}
