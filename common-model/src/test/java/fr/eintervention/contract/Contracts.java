package fr.eintervention.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reading contracts and wording their differences, for the compatibility tests of each version. */
final class Contracts {

    static final Path OPENAPI = Path.of("..", "openapi");
    private static final Path DECISIONS = Path.of("..", "docs", "decisions");
    private static final Pattern DECIDED = Pattern.compile("^(.+?)\\s+\\[(\\d{4})]$");
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private Contracts() {
    }

    /** Every difference between two parsed YAML trees, one line each, in a stable wording. */
    static void differences(String where, Object official, Object ours, List<String> out) {
        if (official instanceof Map<?, ?> a && ours instanceof Map<?, ?> b) {
            Set<Object> keys = new LinkedHashSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (Object key : keys) {
                String path = where + step(String.valueOf(key));
                if (!b.containsKey(key)) {
                    out.add(path + " removed");
                } else if (!a.containsKey(key)) {
                    out.add(path + " added " + b.get(key));
                } else {
                    differences(path, a.get(key), b.get(key), out);
                }
            }
        } else if (official instanceof List<?> a && ours instanceof List<?> b && isScalars(a) && isScalars(b)) {
            a.stream().filter(item -> !b.contains(item)).forEach(item -> out.add(where + " item removed " + item));
            b.stream().filter(item -> !a.contains(item)).forEach(item -> out.add(where + " item added " + item));
        } else if (official instanceof List<?> a && ours instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                differences(where + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!Objects.equals(official, ours)) {
            out.add(where + " changed " + official + " -> " + ours);
        }
    }

    /**
     * The decided differences of a resource file: one per line, each ending with the number of an
     * existing decision record ({@code [0023]}); {@code #} starts a comment.
     */
    static List<String> decided(String resource) throws IOException {
        List<String> decided = new ArrayList<>();
        try (InputStream in = Contracts.class.getResourceAsStream(resource)) {
            List<String> lines = new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            for (String line : lines) {
                Matcher matcher = DECIDED.matcher(line);
                assertThat(matcher.matches()).as("a decided difference names its decision record: " + line).isTrue();
                String number = matcher.group(2);
                try (Stream<Path> records = Files.list(DECISIONS)) {
                    assertThat(records.anyMatch(path -> path.getFileName().toString().startsWith(number + "-")))
                            .as("decision record " + number + " exists").isTrue();
                }
                decided.add(matcher.group(1));
            }
        }
        return decided;
    }

    static Map<String, Object> read(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).load(Files.readString(file, StandardCharsets.UTF_8));
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    static List<Object> list(Object value) {
        return value == null ? List.of() : List.copyOf((List<?>) value);
    }

    private static boolean isScalars(List<?> list) {
        return list.stream().noneMatch(item -> item instanceof Map || item instanceof List);
    }

    private static String step(String key) {
        return SIMPLE_KEY.matcher(key).matches() ? "." + key : "['" + key + "']";
    }
}
