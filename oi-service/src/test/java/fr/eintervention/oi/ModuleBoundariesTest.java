package fr.eintervention.oi;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.Boundaries;

/** The OI's capabilities keep to their packages (docs/explanation/module-boundaries.md). */
class ModuleBoundariesTest {

    private static final Boundaries OI = Boundaries.of("fr.eintervention.oi");

    @Test
    void webAdaptersAreUsedByNobodyElse() {
        OI.webAdaptersAreUsedByNobodyElse();
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        OI.capabilitiesAreFreeOfCycles();
    }

    @Test
    void onlyWebAdaptersReadTheCaller() {
        OI.onlyWebAdaptersReadTheCaller();
    }

    @Test
    void repositoriesAreUsedOnlyByTheirPackage() {
        OI.repositoriesAreUsedOnlyByTheirPackage();
    }

    @Test
    void eachTableIsWrittenByTheCapabilityThatOwnsIt() {
        OI.tablesAreWrittenByTheirOwnersOnly(Path.of("src/main/java"), Map.ofEntries(
                Map.entry("intervention", "intervention"),
                Map.entry("intervention_nature", "intervention"),
                Map.entry("intervention_message", "intervention"),
                Map.entry("intervention_withdrawal", "intervention"),
                Map.entry("relay_loss", "intervention"),
                Map.entry("line_test_series", "linetest"),
                Map.entry("line_test_message", "linetest"),
                Map.entry("intervention_day", "consultation"),
                Map.entry("intervention_day_do", "consultation"),
                Map.entry("settled_day", "consultation"),
                Map.entry("oc_report", "impact"),
                Map.entry("impacted_customer", "impact"),
                Map.entry("partner", "referential"),
                Map.entry("pm", "referential"),
                Map.entry("pm_operator", "referential"),
                Map.entry("referential_import", "referential"),
                Map.entry("referential_import_fault", "referential"),
                Map.entry("referential_import_partner", "referential"),
                Map.entry("referential_import_pm", "referential")));
    }
}
