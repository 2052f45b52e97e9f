package fr.eintervention.conformance.doubles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import fr.eintervention.conformance.wire.Json;
import fr.eintervention.conformance.wire.Rules;
import tools.jackson.databind.node.ObjectNode;

/** What the doubles share: a small HTTP server, a client, and the protocol's answers. */
final class Wire implements AutoCloseable {

    record Reply(int status, String body) {
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(String path, String body) throws Exception;
    }

    /** the doubles' read timeout: the kit's slow answers (--slow-answer-seconds) must exceed it */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    Wire(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                Reply reply;
                try {
                    reply = handler.handle(exchange.getRequestURI().getPath(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (Exception e) {
                    reply = new Reply(500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
                }
                byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** POSTs JSON; the status, or -1 when no answer came. */
    static int post(String url, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(READ_TIMEOUT)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer double-token")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The protocol's answer, with a description. */
    static Reply answer(String label, String description) {
        ObjectNode body = Json.object();
        body.put("Code_Reponse", Rules.code(label));
        body.put("Libelle_Reponse", label);
        if (description != null) {
            body.put("Description_Reponse", description);
        }
        return new Reply(Rules.httpStatus(label), Json.write(body));
    }

    /** The answer the protocol owes before the receiver's own checks; null when the body is valid. */
    static Reply validation(Rules.Body kind, String body) {
        List<String> faults = Rules.faults(kind, body);
        if (faults.isEmpty()) {
            return null;
        }
        String label = Rules.expectedAnswer(kind, body);
        String description = String.join(", ", faults.stream().map(f -> f.substring(f.indexOf(' ') + 1).replaceAll(":.*", "")).toList());
        return answer(label, (label.equals("CHAMPS_NON_RENSEIGNE") ? "champs manquants: " : "mauvais format: ") + cut(description));
    }

    static String cut(String text) {
        return text.length() > 80 ? text.substring(0, 80) : text;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
