package fr.eintervention.doclinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every relative link of the README, BENCHMARKS.md and docs/ resolves: the file exists, and so does the #anchor. */
class DocumentationLinksTest {

    private final MarkdownLinks links = new MarkdownLinks(Path.of(System.getProperty("docs.root", "..")));

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() {
        List<Path> files = links.documentation();
        assertThat(files).extracting(path -> path.getFileName().toString())
                .contains("README.md", "BENCHMARKS.md", "tutorial.md", "protocol-rules.md");

        List<MarkdownLinks.Fault> faults = files.stream().flatMap(file -> links.check(file).stream()).toList();

        assertThat(faults).as("links that do not resolve").isEmpty();
    }
}
