package fr.eintervention.linetest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Each role's rules (oi, oc, app) stand on the shared values only, never on another role's; the
 * module is plain Java (docs/explanation/module-boundaries.md).
 */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.eintervention.linetest");

    @Test
    void rolesDoNotDependOnEachOther() {
        slices().matching("fr.eintervention.linetest.(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void theSharedValuesDependOnNoRole() {
        noClasses().that().resideInAPackage("fr.eintervention.linetest")
                .should().dependOnClassesThat().resideInAnyPackage("fr.eintervention.linetest.oi..",
                        "fr.eintervention.linetest.oc..", "fr.eintervention.linetest.app..")
                .check(CLASSES);
    }

    @Test
    void plainJavaNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "fr.eintervention.model..")
                .check(CLASSES);
    }
}
