package fr.eintervention.doclinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link check itself, on a small repository of its own. */
class MarkdownLinksTest {

    @TempDir
    Path root;

    @Test
    void anchorsAreGitHubs() throws IOException {
        write("docs/page.md", """
                # Configuration (`oi-service`)
                ## The delivery engine (`eintervention.delivery.*`)
                ## M1 → M2 latency, and backlog drain
                ## Notes
                ## Notes
                <a id="custom-anchor"></a>
                """);

        assertThat(new MarkdownLinks(root).anchors(root.resolve("docs/page.md"))).containsExactly(
                "configuration-oi-service", "the-delivery-engine-einterventiondelivery",
                "m1--m2-latency-and-backlog-drain", "notes", "notes-1", "custom-anchor");
    }

    @Test
    void findsMissingFilesMissingAnchorsAndLinksOutOfTheRepository() throws IOException {
        write("docs/target.md", "# Target\n## A section\n");
        write("README.md", """
                # Readme
                [fine](docs/target.md) [fine too](docs/target.md#a-section) [here](#readme) [folder](docs/)
                [web](https://example.com/nowhere) `[in code](nowhere.md)`

                | table | with a link |
                | --- | --- |
                | x | [broken in a table](docs/missing.md) |

                [no file](docs/gone.md) [no anchor](docs/target.md#b-section) [not here](#nowhere)
                [outside](../shared/design/rules.md)

                ```
                [in a code block](nowhere.md)
                ```
                """);

        MarkdownLinks links = new MarkdownLinks(root);

        assertThat(links.check(root.resolve("README.md")))
                .extracting(MarkdownLinks.Fault::destination)
                .containsExactly("docs/missing.md", "docs/gone.md", "docs/target.md#b-section", "#nowhere",
                        "../shared/design/rules.md");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
