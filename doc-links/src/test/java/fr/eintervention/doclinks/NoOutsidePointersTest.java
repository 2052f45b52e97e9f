package fr.eintervention.doclinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project carries its own account of the protocol rules: no file of the repository points at
 * the team's shared folder (a user's clone does not have it), nor at the removed
 * {@code protocol-rules.md} at the root or {@code security/README.md}.
 */
class NoOutsidePointersTest {

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "data", "node_modules", ".idea");
    private static final Set<String> TEXT = Set.of("md", "java", "yml", "yaml", "xml", "sh", "properties", "sql",
            "json", "txt", "csv", "html", "js", "css");
    /** This module's own sources name the forbidden pointers in order to find them. */
    private static final Path OWN_SOURCES = Path.of("doc-links", "src");

    private final Path root = Path.of(System.getProperty("docs.root", "..")).toAbsolutePath().normalize();

    @Test
    void noFilePointsAtTheSharedFolderOrAtRulesTheRepositoryDoesNotHave() throws IOException {
        List<String> forbidden = List.of("/work/" + "shared", "../" + "shared/", "security/" + "README.md");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(this::isProjectText)
                    .flatMap(file -> forbidden.stream()
                            .filter(text -> read(file).contains(text))
                            .map(text -> root.relativize(file) + " names " + text))
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private boolean isProjectText(Path file) {
        Path relative = root.relativize(file);
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !relative.startsWith(OWN_SOURCES) && dot > 0 && TEXT.contains(name.substring(dot + 1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
