package fr.eintervention.oc;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.Boundaries;

/** The OC adapter's capabilities keep to their packages (docs/explanation/module-boundaries.md). */
class ModuleBoundariesTest {

    private static final Boundaries OC = Boundaries.of("fr.eintervention.oc");

    @Test
    void webAdaptersAreUsedByNobodyElse() {
        OC.webAdaptersAreUsedByNobodyElse();
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        OC.capabilitiesAreFreeOfCycles();
    }

    @Test
    void onlyWebAdaptersReadTheCaller() {
        OC.onlyWebAdaptersReadTheCaller();
    }

    @Test
    void repositoriesAreUsedOnlyByTheirPackage() {
        OC.repositoriesAreUsedOnlyByTheirPackage();
    }

    @Test
    void eachTableIsWrittenByTheCapabilityThatOwnsIt() {
        OC.tablesAreWrittenByTheirOwnersOnly(Path.of("src/main/java"), Map.of(
                "intervention_window", "intervention",
                "intervention_report", "intervention",
                "outage", "outage",
                "outage_feed", "outage",
                "line_test", "linetest",
                "own_intervention", "outage",
                "pm", "referential"));
    }
}
