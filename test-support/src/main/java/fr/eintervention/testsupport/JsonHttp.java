package fr.eintervention.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over real HTTP, for tests that call a running service as a partner would. */
public final class JsonHttp {

    /** A response: status, raw body and the body as JSON (a missing node when it is not JSON). */
    public record Response(int status, String body, JsonNode json) {
        public String text(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public JsonHttp(String baseUrl) {
        this(baseUrl, null);
    }

    private JsonHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same calls as a partner of a secured service: a {@link TestTokens} token with those scopes. */
    public JsonHttp as(String partner, String... scopes) {
        return withToken(TestTokens.token(partner, scopes));
    }

    /** The same calls with {@code Authorization: Bearer <token>} (any token: expired, foreign...). */
    public JsonHttp withToken(String bearer) {
        return new JsonHttp(baseUrl, bearer);
    }

    public static JsonHttp at(int port) {
        return new JsonHttp("http://127.0.0.1:" + port);
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return MAPPER.missingNode();
        }
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
