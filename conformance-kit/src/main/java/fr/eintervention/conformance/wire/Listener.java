package fr.eintervention.conformance.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import fr.eintervention.conformance.suite.Exchange;
import tools.jackson.databind.JsonNode;

/**
 * Where the kit receives what the target sends: M2/M4 as each of its OCs
 * ({@code /OC01/v1/intervention_OI}), M1/M3 and M5 as an OI ({@code /v1/...}). Every request is
 * kept, with what the kit answered; the answer comes from the {@link Responder} in place.
 */
public final class Listener implements AutoCloseable {

    /** A request the target sent, and the kit's answer. */
    public record Received(Instant at, String method, String path, String oc, Map<String, String> headers, String body,
            JsonNode json, int answeredStatus, String answered) {

        public String text(String field) {
            return Json.text(json, field);
        }

        public Exchange exchange(String expected) {
            return new Exchange(Exchange.Direction.RECEIVED, method, path, headers, body, answeredStatus, answered, expected);
        }
    }

    /** The kit's answer to one request: status, body, and how long to wait before answering. */
    public record Reply(int status, String body, Duration delay) {
        public static Reply of(int status, String body) {
            return new Reply(status, body, Duration.ZERO);
        }
    }

    /** Chooses the answer to a request ({@code oc}: the kit's OC it was addressed to, or null). */
    @FunctionalInterface
    public interface Responder {
        Reply answer(String oc, String path, String body, JsonNode json);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> received = new ArrayList<>();
    private volatile Responder responder;

    private Listener(HttpServer server, Responder responder) {
        this.server = server;
        this.responder = responder;
    }

    public static Listener start(String host, int port, Responder responder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
        Listener listener = new Listener(server, responder);
        server.createContext("/", listener::handle);
        server.setExecutor(listener.executor);
        server.start();
        return listener;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void respondWith(Responder next) {
        this.responder = next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String oc = null;
            String[] parts = path.split("/");
            if (parts.length > 2 && !parts[1].equals("v1") && !parts[1].equals("v2")) {
                oc = parts[1];
            }
            JsonNode json = Json.read(body);
            Reply reply = responder.answer(oc, path, body, json);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis()); // the slow partner the test plays
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            Received record = new Received(Instant.now(), exchange.getRequestMethod(), path, oc, headers, body, json,
                    reply.status(), reply.body());
            synchronized (received) {
                received.add(record);
                received.notifyAll();
            }
            byte[] answer = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            if (answer.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    /** Everything received so far that matches. */
    public List<Received> all(Predicate<Received> matching) {
        synchronized (received) {
            return received.stream().filter(matching).toList();
        }
    }

    /** Waits until {@code count} requests match, at most {@code timeout}; returns those received (possibly fewer). */
    public List<Received> await(Predicate<Received> matching, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (received) {
            while (true) {
                List<Received> found = received.stream().filter(matching).toList();
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (found.size() >= count || left <= 0) {
                    return found;
                }
                try {
                    received.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return found;
                }
            }
        }
    }

    public Optional<Received> awaitOne(Predicate<Received> matching, Duration timeout) {
        return await(matching, 1, timeout).stream().findFirst();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
