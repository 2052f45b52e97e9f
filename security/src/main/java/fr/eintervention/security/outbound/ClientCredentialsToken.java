package fr.eintervention.security.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

import fr.eintervention.credentials.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client credentials: a bearer token from the partner's token endpoint, cached until shortly
 * before it expires (30 s, or a fifth of its life when shorter), dropped when the partner answers
 * 401 so that the retry fetches a fresh one.
 */
final class ClientCredentialsToken implements Credentials {

    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsToken.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);
    /** When the token endpoint does not say how long its token lives. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final String partner;
    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final OutboundAuth.ClientAuthentication clientAuthentication;
    private final SSLContext sslContext;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    private String token;
    private Instant refreshAt = Instant.MIN;

    ClientCredentialsToken(String partner, OutboundAuth auth, SSLContext sslContext, Clock clock) {
        this.partner = partner;
        this.tokenUri = auth.tokenUri();
        this.clientId = auth.clientId();
        this.clientSecret = auth.clientSecret();
        this.scopes = auth.scopes();
        this.clientAuthentication = auth.clientAuthentication();
        this.sslContext = sslContext;
        this.timeout = auth.timeout();
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
    }

    @Override
    public void apply(HttpHeaders headers) {
        headers.setBearerAuth(token());
    }

    @Override
    public synchronized void unauthorized() {
        if (token != null) {
            log.info("{} answered 401: its access token is dropped, the next attempt gets a new one", partner);
        }
        token = null;
    }

    @Override
    public SSLContext sslContext() {
        return sslContext;
    }

    /** The cached token, or a new one when there is none or it is about to expire. */
    synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            fetch(now);
        }
        return token;
    }

    private void fetch(Instant now) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (!scopes.isEmpty()) {
            form.append("&scope=").append(encode(String.join(" ", scopes)));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (clientAuthentication == OutboundAuth.ClientAuthentication.POST) {
            form.append("&client_id=").append(encode(clientId)).append("&client_secret=").append(encode(clientSecret));
        } else {
            // RFC 6749 2.3.1: both form-encoded, then Basic
            String basic = encode(clientId) + ":" + encode(clientSecret);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint " + tokenUri + " of " + partner + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while getting a token for " + partner, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("token endpoint " + tokenUri + " answered " + response.statusCode()
                    + " for client " + clientId + " (" + partner + ")");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new IllegalStateException("token endpoint " + tokenUri + " answered no JSON", e);
        }
        JsonNode accessToken = body.get("access_token");
        if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
            throw new IllegalStateException("token endpoint " + tokenUri + " answered no access_token");
        }
        JsonNode expiresIn = body.get("expires_in");
        long seconds = expiresIn == null ? 0 : expiresIn.asLong(0);
        Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
        Duration margin = lifetime.dividedBy(5).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(5) : MAX_MARGIN;
        token = accessToken.asString();
        refreshAt = now.plus(lifetime).minus(margin);
        log.debug("new access token for {} valid {}", partner, lifetime);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "oauth2 client credentials of " + clientId + " at " + tokenUri;
    }
}
