package fr.eintervention.protocol.v2;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * v2's rules are a plain library: the JDK, Jackson, the generated contract types and v1's shared
 * rules (timestamps, answers), nothing of Spring, the web or any service. (Its web wiring,
 * {@code fr.eintervention.protocol.v2.web}, is beside it, as v1's.)
 */
class PlainLibraryTest {

    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.eintervention.protocol.v2");

    @Test
    void dependsOnTheJdkJacksonTheContractAndV1sSharedRulesOnly() {
        classes().that().resideInAPackage("fr.eintervention.protocol.v2").should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "tools.jackson..", "com.fasterxml.jackson.annotation..",
                        "fr.eintervention.model.v1", "fr.eintervention.model.v2", "fr.eintervention.protocol",
                        "fr.eintervention.protocol.v1",
                        "fr.eintervention.protocol.v2")
                .check(RULES);
    }
}
