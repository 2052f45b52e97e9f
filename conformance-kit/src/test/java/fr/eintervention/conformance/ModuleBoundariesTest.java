package fr.eintervention.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The kit's boundaries: the project's protocol types are read in one class; the run and its reports know no version. */
class ModuleBoundariesTest {

    private static final JavaClasses KIT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.eintervention.conformance");

    @Test
    void onlyRulesReadsTheProjectsProtocolTypes() {
        noClasses().that().doNotHaveFullyQualifiedName("fr.eintervention.conformance.wire.Rules")
                .and().doNotHaveFullyQualifiedName("fr.eintervention.conformance.wire.Rules$Body")
                .should().dependOnClassesThat().resideInAnyPackage("fr.eintervention.protocol..", "fr.eintervention.model..")
                .because("a rename of the project's protocol packages must touch one class of the kit")
                .check(KIT);
    }

    @Test
    void theRunTheWireAndTheReportsKnowNoVersion() {
        noClasses().that().resideInAnyPackage("..conformance.suite..", "..conformance.wire..", "..conformance.report..")
                .should().dependOnClassesThat().resideInAnyPackage("..conformance.v1..", "..conformance.v2..")
                .because("a version's suites are added beside the others, in a package of their own")
                .check(KIT);
    }
}
