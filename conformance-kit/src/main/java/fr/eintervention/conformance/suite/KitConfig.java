package fr.eintervention.conformance.suite;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * Everything a run is told: the command line ({@code --name value}) over {@code --config kit.yml}
 * (the same names as keys) over the defaults, which match the project's demo referential.
 */
public final class KitConfig {

    /** Every option the kit takes, with its default ({@code null}: none). */
    public static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;
    private final Map<String, String> ocSecrets;

    private KitConfig(Map<String, String> values, Map<String, String> ocSecrets) {
        this.values = values;
        this.ocSecrets = ocSecrets;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("target", null);
        d.put("version", "v1");
        d.put("token-url", null);
        d.put("client-id", null);
        d.put("client-secret", null);
        d.put("listen", "0.0.0.0:8099");
        d.put("public-url", null);
        d.put("prefix", "CONF");
        d.put("max-requests", "300");
        d.put("max-minutes", "15");
        d.put("wait-seconds", "30");
        d.put("retry-wait-seconds", "150");
        d.put("operator-wait-seconds", "600");
        d.put("slow-answer-seconds", "0");
        d.put("oi-code", "OI01");
        d.put("do-code", "DO01");
        d.put("oc-codes", "OC01,OC02");
        d.put("oc-code", "OC01");
        d.put("pm", "FI-35238-0001");
        d.put("pm-partial", "FI-35238-0002");
        d.put("reports", "conformance-report");
        d.put("expect-failures", null);
        d.put("only", null);
        d.put("dry-run", "false");
        d.put("list", "false");
        d.put("config", null);
        return d;
    }

    /** Reads the arguments after the role; {@code --oc-secret OC01=...} repeats. */
    public static KitConfig parse(List<String> arguments) {
        Map<String, String> cli = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + argument);
            }
            String name = argument.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (name.equals("dry-run") || name.equals("list")) {
                value = "true";
            } else if (i + 1 < arguments.size()) {
                value = arguments.get(++i);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (name.equals("oc-secret")) {
                String[] pair = value.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("--oc-secret CODE=SECRET expected");
                }
                secrets.put(pair[0], pair[1]);
            } else if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            } else {
                cli.put(name, value);
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        if (cli.get("config") != null) {
            readFile(Path.of(cli.get("config")), merged, secrets);
        }
        merged.putAll(cli);
        return new KitConfig(merged, secrets);
    }

    private static void readFile(Path file, Map<String, String> into, Map<String, String> secrets) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml().load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + ": a map of options expected");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (name.equals("oc-secrets") && entry.getValue() instanceof Map<?, ?> pairs) {
                    pairs.forEach((code, secret) -> secrets.putIfAbsent(String.valueOf(code), String.valueOf(secret)));
                } else if (DEFAULTS.containsKey(name)) {
                    Object value = entry.getValue();
                    into.put(name, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                            : value == null ? null : String.valueOf(value));
                } else {
                    throw new IllegalArgumentException(file + ": unknown option " + name);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    public String get(String name) {
        return values.get(name);
    }

    public String target() {
        String target = values.get("target");
        return target == null ? null : target.replaceAll("/+$", "").replaceAll("/v1$", "");
    }

    public String version() {
        return values.get("version");
    }

    public String prefix() {
        return values.get("prefix");
    }

    public boolean dryRun() {
        return Boolean.parseBoolean(values.get("dry-run"));
    }

    public boolean list() {
        return Boolean.parseBoolean(values.get("list"));
    }

    public int number(String name) {
        if (dryRun() && name.endsWith("wait-seconds")) {
            return 0; // a dry run waits for nothing
        }
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number: " + values.get(name));
        }
    }

    public Duration seconds(String name) {
        return Duration.ofSeconds(number(name));
    }

    public List<String> ocCodes() {
        return new ArrayList<>(Arrays.asList(values.get("oc-codes").split("\\s*,\\s*")));
    }

    /** The client secret of each of the kit's OCs (to send M5 as that OC to a secured OI). */
    public Map<String, String> ocSecrets() {
        return ocSecrets;
    }

    public String listenHost() {
        String listen = values.get("listen");
        return listen.substring(0, listen.lastIndexOf(':'));
    }

    public int listenPort() {
        String listen = values.get("listen");
        try {
            return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen HOST:PORT expected: " + listen);
        }
    }

    /** Where the target reaches the kit; by default the listening address ({@code 0.0.0.0} read as this host). */
    public String publicUrl(int boundPort) {
        String url = values.get("public-url");
        if (url != null) {
            return url.replaceAll("/+$", "");
        }
        String host = listenHost().equals("0.0.0.0") ? "localhost" : listenHost();
        return "http://" + host + ":" + boundPort;
    }
}
