package fr.eintervention.doclinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Finds the relative links of Markdown files that do not resolve: a file or folder that does not
 * exist (or lies outside the repository), or an {@code #anchor} that no heading of the target
 * Markdown file produces. Anchors are GitHub's: the heading's text in lower case, spaces turned
 * into hyphens, other punctuation dropped, {@code -1}, {@code -2}... for repeated headings (the
 * commonmark heading-anchor extension's {@link IdGenerator}). Links with a scheme (https:, mailto:)
 * are not checked; links inside code are not links.
 */
final class MarkdownLinks {

    /** A link that does not resolve. */
    record Fault(Path file, String destination, String reason) {
        @Override
        public String toString() {
            return file + ": (" + destination + ") " + reason;
        }
    }

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern HTML_ID = Pattern.compile("\\b(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']");

    private final Path root;
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** README.md, BENCHMARKS.md and every Markdown file under docs/ of the repository. */
    List<Path> documentation() {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("README.md", "BENCHMARKS.md")) {
            if (Files.isRegularFile(root.resolve(name))) {
                files.add(root.resolve(name));
            }
        }
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> tree = Files.walk(docs)) {
                tree.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The links of the file that do not resolve. */
    List<Fault> check(Path file) {
        Path source = file.toAbsolutePath().normalize();
        List<Fault> faults = new ArrayList<>();
        for (String destination : destinations(source)) {
            String reason = problem(source, destination);
            if (reason != null) {
                faults.add(new Fault(root.relativize(source), destination, reason));
            }
        }
        return faults;
    }

    /** The anchors the file's headings (and HTML ids) produce, as GitHub renders them. */
    Set<String> anchors(Path file) {
        return anchors.computeIfAbsent(file.toAbsolutePath().normalize(), path -> {
            Set<String> ids = new LinkedHashSet<>();
            IdGenerator generator = IdGenerator.builder().build();
            parse(path).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    ids.add(generator.generateId(text(heading)));
                }

                @Override
                public void visit(HtmlBlock html) {
                    htmlIds(html.getLiteral(), ids);
                }

                @Override
                public void visit(HtmlInline html) {
                    htmlIds(html.getLiteral(), ids);
                }
            });
            return ids;
        });
    }

    private List<String> destinations(Path file) {
        List<String> destinations = new ArrayList<>();
        parse(file).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destinations.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destinations.add(image.getDestination());
                visitChildren(image);
            }
        });
        return destinations;
    }

    private String problem(Path source, String destination) {
        if (destination == null || destination.isBlank()) {
            return "empty link";
        }
        if (SCHEME.matcher(destination).find()) {
            return null; // https:, mailto:...: not ours to check here
        }
        int hash = destination.indexOf('#');
        String path = decode(hash < 0 ? destination : destination.substring(0, hash));
        String fragment = hash < 0 ? null : decode(destination.substring(hash + 1));
        Path target;
        if (path.isEmpty()) {
            target = source;
        } else {
            target = (path.startsWith("/") ? root.resolve(path.substring(1)) : source.getParent().resolve(path)).normalize();
            if (!target.startsWith(root)) {
                return "points outside the repository";
            }
            if (!Files.exists(target)) {
                return "no such file: " + root.relativize(target);
            }
        }
        if (fragment == null || fragment.isEmpty() || !target.toString().endsWith(".md") || Files.isDirectory(target)) {
            return null;
        }
        return anchors(target).contains(fragment) ? null : "no heading makes the anchor #" + fragment + " in " + root.relativize(target);
    }

    private Node parse(Path file) {
        try {
            return parser.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A heading's text as GitHub slugs it: its words and code, without the Markdown around them. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    private static void htmlIds(String html, Set<String> ids) {
        Matcher matcher = HTML_ID.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
