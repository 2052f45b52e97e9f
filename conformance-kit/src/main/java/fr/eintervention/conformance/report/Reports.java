package fr.eintervention.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.eintervention.conformance.suite.Exchange;
import fr.eintervention.conformance.suite.Outcome;
import fr.eintervention.conformance.suite.Run;
import fr.eintervention.conformance.suite.Status;
import fr.eintervention.conformance.wire.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a run's three reports into a directory: {@code conformance.json}, {@code TEST-conformance.xml}, {@code conformance.html}. */
public final class Reports {

    private Reports() {
    }

    public static void write(Run.Result result, String target, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("conformance.json"), json(result, target), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("TEST-conformance.xml"), junit(result, target), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("conformance.html"), Html.page(result, target), StandardCharsets.UTF_8);
    }

    static String title(Run.Result result) {
        return titleOf(result.suite());
    }

    public static String titleOf(fr.eintervention.conformance.suite.Suite suite) {
        return "eintervention-conformance " + suite.role().lower() + " " + suite.version();
    }

    public static String json(Run.Result result, String target) {
        ObjectNode root = Json.object();
        root.put("kit", title(result));
        root.put("role", result.suite().role().name());
        root.put("version", result.suite().version());
        root.put("target", target);
        root.put("started", result.started().toString());
        root.put("durationMs", result.took().toMillis());
        root.put("passed", result.passed());
        if (result.stoppedBecause() != null) {
            root.put("stoppedBecause", result.stoppedBecause());
        }
        ObjectNode counts = root.putObject("counts");
        for (Status status : Status.values()) {
            counts.put(status.name(), result.count(status));
        }
        ArrayNode tests = root.putArray("tests");
        for (Outcome outcome : result.outcomes()) {
            ObjectNode test = tests.addObject();
            test.put("id", outcome.test().id());
            test.put("title", outcome.test().title());
            test.put("clause", outcome.test().clause());
            test.put("level", outcome.test().level().name());
            test.put("status", outcome.status().name());
            test.put("acceptedDeviation", outcome.acceptedDeviation());
            test.put("message", outcome.message());
            test.put("millis", outcome.millis());
            ArrayNode exchanges = test.putArray("exchanges");
            for (Exchange exchange : outcome.exchanges()) {
                ObjectNode node = exchanges.addObject();
                node.put("direction", exchange.direction().name());
                node.put("method", exchange.method());
                node.put("url", exchange.url());
                node.put("requestBody", exchange.requestBody());
                node.put("status", exchange.status());
                node.put("responseBody", exchange.responseBody());
                if (exchange.expected() != null) {
                    node.put("expected", exchange.expected());
                }
                if (exchange.direction() == Exchange.Direction.SENT) {
                    node.put("curl", exchange.curl());
                }
            }
        }
        return Json.pretty(root);
    }

    public static String junit(Run.Result result, String target) {
        List<Outcome> outcomes = result.outcomes();
        long failures = outcomes.stream().filter(Outcome::failsTheRun).count();
        long skipped = outcomes.stream().filter(o -> o.status() == Status.SKIPPED || o.acceptedDeviation()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(xml(title(result))).append("\" tests=\"").append(outcomes.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(result.took().toMillis() / 1000.0).append("\" timestamp=\"").append(result.started()).append("\">\n");
        xml.append("  <properties><property name=\"target\" value=\"").append(xml(target)).append("\"/></properties>\n");
        for (Outcome outcome : outcomes) {
            xml.append("  <testcase classname=\"").append(xml(result.suite().role().name() + "." + result.suite().version()))
                    .append("\" name=\"").append(xml(outcome.test().id() + " " + outcome.test().title()))
                    .append("\" time=\"").append(outcome.millis() / 1000.0).append("\">");
            String detail = outcome.test().level() + " | " + outcome.test().clause() + "\n" + outcome.message();
            if (outcome.failsTheRun()) {
                xml.append("\n    <failure message=\"").append(xml(outcome.message())).append("\">").append(xml(detail + exchanges(outcome)))
                        .append("</failure>\n  ");
            } else if (outcome.acceptedDeviation()) {
                xml.append("\n    <skipped message=\"accepted deviation (--expect-failures): ").append(xml(outcome.message())).append("\"/>\n  ");
            } else if (outcome.status() == Status.SKIPPED) {
                xml.append("\n    <skipped message=\"").append(xml(outcome.message())).append("\"/>\n  ");
            } else if (outcome.status() == Status.WARNING) {
                xml.append("\n    <system-out>").append(xml("WARNING (" + detail + ")" + exchanges(outcome))).append("</system-out>\n  ");
            }
            xml.append("</testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String exchanges(Outcome outcome) {
        StringBuilder text = new StringBuilder();
        for (Exchange exchange : outcome.exchanges()) {
            text.append("\n").append(exchange.direction()).append(" ").append(exchange.method()).append(" ").append(exchange.url())
                    .append("\n  body: ").append(exchange.requestBody()).append("\n  answer: ").append(exchange.status()).append(" ")
                    .append(exchange.responseBody());
            if (exchange.expected() != null) {
                text.append("\n  expected: ").append(exchange.expected());
            }
        }
        return text.toString();
    }

    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
