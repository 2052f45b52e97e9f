package fr.eintervention.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import fr.eintervention.conformance.suite.Operator;
import fr.eintervention.conformance.wire.Json;
import tools.jackson.databind.JsonNode;

/** One run of the kit in this JVM, as the command line runs it: its exit code, console and JSON report. */
public record KitRun(int exitCode, String console, JsonNode report) {

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KitRun of(Path reports, Operator operator, String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.add("--reports");
        args.add(reports.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code = ConformanceKit.run(args.toArray(String[]::new), out, out, operator);
        JsonNode report;
        try {
            Path json = reports.resolve("conformance.json");
            report = Files.exists(json) ? Json.read(Files.readString(json)) : Json.object();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KitRun(code, console.toString(StandardCharsets.UTF_8), report);
    }

    /** Each test's status by id. */
    public Map<String, String> statuses() {
        return StreamSupport.stream(report.path("tests").spliterator(), false)
                .collect(Collectors.toMap(t -> t.get("id").asString(), t -> t.get("status").asString(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The ids of the REQUIRED tests that did not pass. */
    public List<String> requiredNotPassed() {
        return StreamSupport.stream(report.path("tests").spliterator(), false)
                .filter(t -> t.get("level").asString().equals("REQUIRED") && !t.get("status").asString().equals("PASSED"))
                .map(t -> t.get("id").asString() + " " + t.get("status").asString() + ": " + t.get("message").asString()).toList();
    }
}
