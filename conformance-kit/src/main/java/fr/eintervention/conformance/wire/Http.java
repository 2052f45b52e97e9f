package fr.eintervention.conformance.wire;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import fr.eintervention.conformance.suite.CheckFailed;
import fr.eintervention.conformance.suite.Exchange;
import tools.jackson.databind.JsonNode;

/**
 * The kit's outgoing requests: JSON over HTTP, an OAuth2 client-credentials token per client when
 * a token URL is set, every exchange recorded for the report, bounded in count, printed and not
 * sent under {@code --dry-run}.
 */
public final class Http {

    /** An answer: status, Content-Type, raw body and the body as JSON (a missing node when not JSON). */
    public record Response(int status, String contentType, String body, JsonNode json) {
        public String text(String field) {
            return Json.text(json, field);
        }
    }

    /** Thrown when the run would send more requests than it is allowed. */
    public static final class BoundReached extends RuntimeException {
        BoundReached(String message) {
            super(message);
        }
    }

    private record Token(String value, Instant expires) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenUrl;
    private final Map<String, String> secrets;
    private final int maxRequests;
    private final boolean dryRun;
    private final PrintStream out;
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile Consumer<Exchange> recorder = exchange -> { };

    /** {@code secrets}: client id to secret, for each identity the kit speaks as. */
    public Http(String tokenUrl, Map<String, String> secrets, int maxRequests, boolean dryRun, PrintStream out) {
        this.tokenUrl = tokenUrl;
        this.secrets = secrets;
        this.maxRequests = maxRequests;
        this.dryRun = dryRun;
        this.out = out;
    }

    public void recordTo(Consumer<Exchange> exchanges) {
        this.recorder = exchanges;
    }

    public int sent() {
        return sent.get();
    }

    public Response postJson(String url, String body, String asClient) {
        return post(url, "application/json", body, asClient);
    }

    /** POSTs a body as the client {@code asClient} (no token when no token URL is set or the client is null). */
    public Response post(String url, String contentType, String body, String asClient) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Accept", "application/json");
        if (dryRun) {
            out.println("  would send: POST " + url + (asClient == null ? "" : " (as " + asClient + ")") + "\n    " + body);
            throw CheckFailed.skip("dry run: nothing sent");
        }
        if (sent.incrementAndGet() > maxRequests) {
            throw new BoundReached("the run reached its bound of " + maxRequests + " requests (--max-requests)");
        }
        if (tokenUrl != null && asClient != null) {
            headers.put("Authorization", "Bearer " + token(asClient));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        Response response = send(request.build());
        recorder.accept(new Exchange(Exchange.Direction.SENT, "POST", url, headers, body, response.status(), response.body(), null));
        return response;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), Json.read(response.body()));
        } catch (IOException e) {
            throw CheckFailed.fault("no answer from " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CheckFailed.fault("interrupted");
        }
    }

    private String token(String clientId) {
        Token cached = tokens.get(clientId);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30))) {
            return cached.value();
        }
        String secret = secrets.get(clientId);
        if (secret == null) {
            throw CheckFailed.skip("no secret for client " + clientId + " (--client-secret, --oc-secret " + clientId + "=...)");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        Response response = send(request);
        String value = response.text("access_token");
        if (response.status() != 200 || value == null) {
            throw CheckFailed.skip("no token for " + clientId + " from " + tokenUrl + ": HTTP " + response.status());
        }
        JsonNode expiresIn = response.json().get("expires_in");
        tokens.put(clientId, new Token(value, Instant.now().plusSeconds(expiresIn == null ? 60 : expiresIn.asLong())));
        return value;
    }
}
