package fr.eintervention.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A running service's {@code /v3/api-docs} as an operator's tools read it, and the checks every
 * service's documentation must pass: an OAuth2 client-credentials scheme, declared by every
 * operation that really refuses anonymous callers (each one is called without a token) and by no
 * other; the protocol's tags; a server URL that never echoes the request's {@code Host}.
 */
public final class ApiDocs {

    /** The name of the security scheme in {@code components.securitySchemes}. */
    public static final String SCHEME = "oauth2";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final int port;
    private final JsonNode document;

    private ApiDocs(int port, JsonNode document) {
        this.port = port;
        this.document = document;
    }

    /** Reads {@code /v3/api-docs} of the service on that port (no token: the documentation is public). */
    public static ApiDocs of(int port) {
        JsonHttp.Response response = JsonHttp.at(port).get("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new ApiDocs(port, response.json());
    }

    public JsonNode document() {
        return document;
    }

    /** The names of the tags of the operations of that path and method, e.g. {@code ("/v1/intervention_DO", "post")}. */
    public List<String> tagsOf(String path, String method) {
        List<String> tags = new ArrayList<>();
        operation(path, method).path("tags").forEach(tag -> tags.add(tag.asString()));
        return tags;
    }

    public JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as("%s %s in /v3/api-docs", method, path).isTrue();
        return operation;
    }

    /** The scheme is OAuth2 client credentials at that token URL. */
    public ApiDocs assertClientCredentialsScheme(String tokenUrl) {
        JsonNode scheme = document.path("components").path("securitySchemes").path(SCHEME);
        assertThat(scheme.path("type").asString()).isEqualTo("oauth2");
        assertThat(scheme.path("flows").path("clientCredentials").path("tokenUrl").asString()).isEqualTo(tokenUrl);
        return this;
    }

    /** What the OAuth2 scheme tells the reader (how to get a token). */
    public String schemeDescription() {
        return document.path("components").path("securitySchemes").path(SCHEME).path("description").asString();
    }

    /** Outside the demo profile, the document names none of the demo auth-server's clients or secrets. */
    public ApiDocs assertNamesNoDemoCredentials() {
        assertThat(document.toString()).doesNotContainPattern("demo-[a-z0-9]+-secret");
        assertThat(schemeDescription()).isNotBlank().doesNotContainIgnoringCase("demo");
        return this;
    }

    /**
     * Calls every operation of the document without a token (path variables {@code x}, body
     * {@code {}}): those answered 401 must declare the scheme, the others must not. Returns how
     * many operations were found secured.
     */
    public int assertEverySecuredOperationDeclaresTheScheme() {
        int secured = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                String uri = path.getKey().replaceAll("\\{[^}/]+}", "x");
                int status = JsonHttp.at(port).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
                        .header("Content-Type", "application/json")
                        .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))).status();
                boolean declares = false;
                for (JsonNode requirement : operation.getValue().path("security")) {
                    declares |= requirement.has(SCHEME);
                }
                if (status == 401) {
                    secured++;
                }
                if ((status == 401) != declares) {
                    wrong.add(method + " " + path.getKey() + " answers " + status + " without a token but "
                            + (declares ? "declares" : "does not declare") + " the scheme");
                }
            }
        }
        assertThat(wrong).isEmpty();
        return secured;
    }

    /**
     * {@code /v3/api-docs} asked with a forged {@code Host} header (as anyone can send it, over a
     * raw socket, HTTP/1.0 so that the answer comes whole): the servers it lists never name that host. Returns the servers' URLs.
     */
    public static List<String> serversWithHost(int port, String host) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v3/api-docs HTTP/1.0\r\nHost: " + host + "\r\nX-Forwarded-Host: " + host
                    + "\r\nX-Forwarded-Proto: https\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 200"); // HTTP/1.0 asked: no chunks
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            List<String> urls = new ArrayList<>();
            JsonHttp.parse(body).path("servers").forEach(server -> urls.add(server.path("url").asString()));
            assertThat(urls).isNotEmpty().noneMatch(url -> url.contains(host));
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
