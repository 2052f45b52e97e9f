package fr.eintervention.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fr.eintervention.conformance.doubles.FaultyDo;
import fr.eintervention.conformance.doubles.FaultyOc;
import fr.eintervention.conformance.doubles.FaultyOi;
import fr.eintervention.conformance.suite.Role;

/** The reference of the kit's tests names every test and every fault of the doubles, with the test that catches it. */
class ConformanceDocsTest {

    private static final Path REFERENCE = Path.of("../docs/reference/conformance-kit-tests.md");

    @Test
    void theReferenceListsEveryTestAndEveryFault() throws Exception {
        String reference = Files.readString(REFERENCE);
        for (Role role : Role.values()) {
            Suites.of(role, "v1").orElseThrow().tests().forEach(test -> assertThat(reference)
                    .contains("| `" + test.definition().id() + "` | " + test.definition().level().name().toLowerCase() + " |"));
        }
        Stream.of(FaultyOi.Fault.values()).forEach(f -> assertThat(reference).contains(row(f.name(), f.caughtBy())));
        Stream.of(FaultyOc.Fault.values()).forEach(f -> assertThat(reference).contains(row(f.name(), f.caughtBy())));
        Stream.of(FaultyDo.Fault.values()).forEach(f -> assertThat(reference).contains(row(f.name(), f.caughtBy())));
        assertThat(FaultyOi.Fault.values().length + FaultyOc.Fault.values().length + FaultyDo.Fault.values().length).isGreaterThanOrEqualTo(25);
    }

    private static String row(String fault, String test) {
        return "| " + fault.toLowerCase().replace('_', ' ') + " | `" + test + "` |";
    }
}
