package fr.eintervention.conformance.suite;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.eintervention.conformance.wire.Http;
import fr.eintervention.conformance.wire.Listener;

/** What a test works with: the configuration, the kit's HTTP client and listener, the operator, and the exchanges of the test running. */
public final class Session {

    private final KitConfig config;
    private final Http http;
    private final Listener listener;
    private final String listenerUrl;
    private final Operator operator;
    private final PrintStream out;
    private final String runId;
    private List<Exchange> exchanges = new ArrayList<>();

    public Session(KitConfig config, Http http, Listener listener, String listenerUrl, Operator operator, PrintStream out, String runId) {
        this.config = config;
        this.http = http;
        this.listener = listener;
        this.listenerUrl = listenerUrl;
        this.operator = operator;
        this.out = out;
        this.runId = runId;
    }

    public KitConfig config() {
        return config;
    }

    public Http http() {
        return http;
    }

    public Listener listener() {
        return listener;
    }

    /** Where the target reaches the kit. */
    public String listenerUrl() {
        return listenerUrl;
    }

    public Operator operator() {
        return operator;
    }

    public PrintStream out() {
        return out;
    }

    /** A reference of the kit's own, unique to the run: {@code <prefix>-<run>-<name>} (never another's data). */
    public String reference(String name) {
        String reference = config.prefix() + "-" + runId + "-" + name;
        return reference.length() > 50 ? reference.substring(0, 50) : reference;
    }

    public String runId() {
        return runId;
    }

    public Duration waitFor() {
        return config.seconds("wait-seconds");
    }

    List<Exchange> startTest() {
        exchanges = new ArrayList<>();
        List<Exchange> current = exchanges;
        http.recordTo(exchange -> {
            synchronized (current) {
                current.add(exchange);
            }
        });
        return current;
    }

    /** Adds an exchange the test saw (e.g. a request the target sent the kit) to its report. */
    public void saw(Exchange exchange) {
        synchronized (exchanges) {
            exchanges.add(exchange);
        }
    }

    /** Marks what the last exchange should have been, for the report. */
    public void expected(String text) {
        synchronized (exchanges) {
            if (!exchanges.isEmpty()) {
                int last = exchanges.size() - 1;
                exchanges.set(last, exchanges.get(last).withExpected(text));
            }
        }
    }

    /** Fails the test unless the condition holds; {@code expected} is recorded on the last exchange. */
    public void check(boolean condition, String expected, String found) {
        if (!condition) {
            expected(expected);
            throw CheckFailed.fault("expected " + expected + "; " + found);
        }
    }
}
