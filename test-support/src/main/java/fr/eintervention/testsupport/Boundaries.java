package fr.eintervention.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Repository;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The module boundaries every service keeps, checked on its compiled classes (ArchUnit) and, for
 * what ArchUnit cannot see, on its SQL: capabilities are packages under the service's root,
 * {@code web} sub-packages are adapters nobody else uses, capabilities depend on each other
 * without cycles, only web adapters read who is calling, a repository is used only by its own
 * package, and each table is written only by the package that owns it (the others ask that package).
 */
public final class Boundaries {

    /** insert into, delete from, update: the table written (not {@code do update set}, {@code for update of}) */
    private static final Pattern WRITE = Pattern.compile("\\b(?:insert\\s+into|delete\\s+from|update)\\s+(?!(?:set|of|nowait|skip)\\b)([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** Java comments, where "update" or "delete from" is prose, not SQL */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private final String root;
    private final JavaClasses classes;

    private Boundaries(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** The service's main classes, under its root package (e.g. {@code fr.eintervention.oi}). */
    public static Boundaries of(String rootPackage) {
        return new Boundaries(rootPackage);
    }

    /**
     * A class of a capability's {@code web} package is used by classes of that package only (Spring
     * wires them); the service's own {@code web} package (its HTTP set-up) by web adapters only.
     */
    public void webAdaptersAreUsedByNobodyElse() {
        String sharedWeb = root + ".web";
        classes().that().resideInAPackage(root + "..web")
                .should(beUsedOnlyFromTheirOwnPackageOr(origin -> target ->
                        target.getPackageName().equals(sharedWeb) && origin.getPackageName().endsWith(".web")))
                .because("web adapters translate HTTP for their capability; nothing else calls them")
                .check(classes);
    }

    /** The capabilities (the packages under the root) depend on each other without cycles. */
    public void capabilitiesAreFreeOfCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Only web adapters read who is calling (the security context, the caller's partner code);
     * they pass the domain what it needs to know.
     */
    public void onlyWebAdaptersReadTheCaller() {
        noClasses().that().resideOutsideOfPackage(root + "..web")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.security.core.context.SecurityContextHolder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("fr.eintervention.security.CallerPartner")
                .because("a business rule depends on what the caller is, told by the controller, not read behind its back")
                .check(classes);
    }

    /**
     * A repository is used by its own package (and that package's web adapters) only: other
     * capabilities go through that package's public classes.
     */
    public void repositoriesAreUsedOnlyByTheirPackage() {
        classes().that().areAnnotatedWith(Repository.class).or().haveSimpleNameEndingWith("Repository")
                .should(beUsedOnlyFromTheirOwnPackageOr(origin -> target ->
                        origin.getPackageName().equals(target.getPackageName() + ".web")))
                .because("each table is written by the package that owns it")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Each table is written (insert, update, delete) only by the classes of the package that owns
     * it, read from the SQL in the service's sources: ArchUnit does not see SQL. A table written
     * that the map does not name is a failure too: every new table gets an owner.
     *
     * @param sources the service's main Java sources, e.g. {@code src/main/java}
     * @param owners  each table the service writes and the package (under the root) that owns it, e.g. {@code intervention}
     */
    public void tablesAreWrittenByTheirOwnersOnly(Path sources, Map<String, String> owners) {
        Path rootDir = sources.resolve(root.replace('.', '/'));
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rootDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = rootDir.relativize(file.getParent()).toString().replace('/', '.');
                Matcher writes = WRITE.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(" "));
                while (writes.find()) {
                    String table = writes.group(1).toLowerCase(Locale.ROOT);
                    String owner = owners.get(table);
                    if (owner == null) {
                        trespasses.add(rootDir.relativize(file) + " writes " + table + ", which no package owns: name its owner");
                    } else if (!owner.equals(pkg)) {
                        trespasses.add(rootDir.relativize(file) + " writes " + table + ", owned by " + owner);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(trespasses).as("tables written outside the package that owns them").isEmpty();
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackageOr(
            Function<JavaClass, Predicate<JavaClass>> allowed) {
        return new ArchCondition<>("be used only by classes of their own package") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    if (!origin.getPackageName().equals(target.getPackageName()) && !allowed.apply(origin).test(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
