package fr.eintervention.conformance.report;

import static fr.eintervention.conformance.report.Reports.xml;

import fr.eintervention.conformance.suite.Exchange;
import fr.eintervention.conformance.suite.Outcome;
import fr.eintervention.conformance.suite.Run;
import fr.eintervention.conformance.suite.Status;

/** One self-contained HTML page (no script, no external resource): the summary, every test, and for each failure what was sent, what came back, what was expected, and a curl command. */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            h1{font-size:1.4em}h2{font-size:1.2em;margin-top:1.5em}h3{font-size:1em;padding:4px}table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;font-size:.9em}
            th{background:#f0f0f0}td.nowrap{white-space:nowrap}.PASSED{background:#dff5e1}.FAILED{background:#fbdada}.WARNING{background:#fff1c9}
            .SKIPPED{background:#eee}.ACCEPTED{background:#e4e8fb}.verdict{font-size:1.2em;padding:.5em;display:inline-block}
            pre{background:#f7f7f7;border:1px solid #ddd;padding:6px;white-space:pre-wrap;word-break:break-all;margin:2px 0}
            .exchange{margin:.5em 0 1em 1em}.label{font-weight:bold}
            """;

    private Html() {
    }

    static String page(Run.Result result, String target) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>")
                .append(xml(Reports.title(result))).append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>").append(xml(Reports.title(result))).append("</h1>");
        html.append("<p>Target: <code>").append(xml(target)).append("</code> &middot; started ").append(result.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(" &middot; ").append(result.took().toMillis() / 1000.0).append(" s</p>");
        html.append("<p class=\"verdict ").append(result.passed() ? "PASSED" : "FAILED").append("\">")
                .append(result.passed() ? "Every required test passed" : "Required tests failed").append("</p>");
        if (result.stoppedBecause() != null) {
            html.append("<p><b>Stopped:</b> ").append(xml(result.stoppedBecause())).append("</p>");
        }
        html.append("<p>");
        for (Status status : Status.values()) {
            html.append("<span class=\"").append(status).append("\">&nbsp;").append(status).append(": ").append(result.count(status))
                    .append("&nbsp;</span> ");
        }
        long accepted = result.outcomes().stream().filter(Outcome::acceptedDeviation).count();
        html.append("<span class=\"ACCEPTED\">&nbsp;accepted deviations: ").append(accepted).append("&nbsp;</span></p>");
        if (result.outcomes().stream().anyMatch(o -> o.status() == Status.FAILED || o.status() == Status.WARNING)) {
            html.append("<h2>Failures and warnings</h2>");
        }
        for (Outcome outcome : result.outcomes()) {
            if (outcome.status() != Status.FAILED && outcome.status() != Status.WARNING) {
                continue;
            }
            html.append("<h3 id=\"").append(outcome.test().id()).append("\" class=\"").append(outcome.acceptedDeviation() ? "ACCEPTED" : outcome.status())
                    .append("\">").append(outcome.test().id()).append(" ").append(outcome.status()).append(" &mdash; ")
                    .append(xml(outcome.test().title())).append("</h3>");
            html.append("<p><span class=\"label\">Clause:</span> ").append(xml(outcome.test().clause())).append("<br><span class=\"label\">Why:</span> ")
                    .append(xml(outcome.message())).append("</p>");
            for (Exchange exchange : outcome.exchanges()) {
                html.append("<div class=\"exchange\">");
                if (exchange.direction() == Exchange.Direction.SENT) {
                    html.append("<div class=\"label\">Sent: ").append(exchange.method()).append(" ").append(xml(exchange.url())).append("</div>")
                            .append(pre(exchange.requestBody()))
                            .append("<div class=\"label\">Received: HTTP ").append(exchange.status()).append("</div>").append(pre(exchange.responseBody()));
                } else {
                    html.append("<div class=\"label\">Received from the target: ").append(exchange.method()).append(" ").append(xml(exchange.url()))
                            .append("</div>").append(pre(exchange.requestBody()))
                            .append("<div class=\"label\">The kit answered: HTTP ").append(exchange.status()).append("</div>").append(pre(exchange.responseBody()));
                }
                if (exchange.expected() != null) {
                    html.append("<div class=\"label\">Expected: ").append(xml(exchange.expected())).append("</div>");
                }
                if (exchange.direction() == Exchange.Direction.SENT) {
                    html.append("<div class=\"label\">Reproduce:</div>").append(pre(exchange.curl()));
                }
                html.append("</div>");
            }
        }
        html.append("<h2>Every test</h2><table><tr><th>Id</th><th>Result</th><th>Level</th><th>Test</th><th>Clause</th></tr>");
        for (Outcome outcome : result.outcomes()) {
            String css = outcome.acceptedDeviation() ? "ACCEPTED" : outcome.status().name();
            html.append("<tr class=\"").append(css).append("\"><td class=\"nowrap\">").append(link(outcome))
                    .append("</td><td class=\"nowrap\">").append(outcome.status())
                    .append(outcome.acceptedDeviation() ? " (accepted deviation)" : "").append("</td><td class=\"nowrap\">").append(outcome.test().level())
                    .append("</td><td>").append(xml(outcome.test().title())).append("</td><td>").append(xml(outcome.test().clause()))
                    .append("</td></tr>");
        }
        html.append("</table>");
        return html.append("</body></html>\n").toString();
    }

    /** The id, linked to its details when it has some. */
    private static String link(Outcome outcome) {
        boolean detailed = outcome.status() == Status.FAILED || outcome.status() == Status.WARNING;
        return detailed ? "<a href=\"#" + outcome.test().id() + "\">" + outcome.test().id() + "</a>" : outcome.test().id();
    }

    private static String pre(String text) {
        return "<pre>" + xml(text == null || text.isEmpty() ? "(empty)" : text) + "</pre>";
    }
}
