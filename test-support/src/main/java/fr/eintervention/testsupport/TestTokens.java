package fr.eintervention.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A test identity provider over real HTTP on loopback, one per test JVM: an RSA key pair made at
 * start, its JWKS ({@link #jwkSetUri()}), discovery documents, a client-credentials token endpoint
 * ({@link #tokenUri()}: any client id and secret, the token's partner is the client id), and
 * signed tokens for tests: valid, expired, from another issuer, badly signed.
 *
 * <p>Every Spring Boot application started in a test JVM that has the security module trusts it
 * without configuration ({@link TestTokensEnvironmentPostProcessor}), so a test only sends
 * {@code Authorization: Bearer } + {@code TestTokens.token("DO01", "write:interventions")}.
 */
public final class TestTokens {

    /** The key id of the published key, also used by the wrong key of {@link #badlySignedToken}. */
    public static final String KEY_ID = "test-key";
    /** Lifetime of the tokens this class makes (the token endpoint's too). */
    public static final Duration LIFETIME = Duration.ofHours(2);

    private static TestTokens instance;

    static {
        // as in PartnerStub: without it, each answer of the JDK's HTTP server waits ~40 ms (Nagle + delayed ACK)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final RSAKey key;
    private final RSAKey otherKey;
    private final HttpServer server;
    private final String issuer;
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private TestTokens() {
        key = rsaKey();
        otherKey = rsaKey();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/jwks", exchange -> reply(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/.well-known/oauth-authorization-server", this::discovery);
        server.createContext("/token", this::token);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-tokens");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    private static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    /** The issuer ({@code iss}) of the valid tokens, e.g. {@code http://127.0.0.1:41234}. */
    public static String issuer() {
        return get().issuer;
    }

    public static String jwkSetUri() {
        return issuer() + "/jwks";
    }

    /** A client-credentials token endpoint: any client id and secret; partner = client id; scope as asked. */
    public static String tokenUri() {
        return issuer() + "/token";
    }

    /** How many tokens the token endpoint gave so far. */
    public static int tokenRequests() {
        return get().tokenRequests.get();
    }

    /** The properties that make an application trust these tokens. */
    public static Map<String, String> properties() {
        return Map.of("eintervention.security.issuer-uri", issuer(), "eintervention.security.jwk-set-uri", jwkSetUri());
    }

    /** The same as command-line style {@code key=value} strings, e.g. for {@code @SpringBootTest(properties=...)} builders. */
    public static String[] propertyArgs() {
        return properties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** A valid token of that partner ({@code partner} and {@code sub} claims) with those scopes. */
    public static String token(String partner, String... scopes) {
        return sign(get().key, claims(issuer(), partner, partner, Instant.now(), scopes));
    }

    /** A valid token whose only identity is its subject / client id (no partner claim). */
    public static String tokenWithoutPartner(String clientId, String... scopes) {
        return sign(get().key, claims(issuer(), clientId, null, Instant.now(), scopes));
    }

    /** A token that expired ten minutes ago (beyond any clock skew). */
    public static String expiredToken(String partner, String... scopes) {
        return sign(get().key, claims(issuer(), partner, partner, Instant.now().minus(LIFETIME).minusSeconds(600), scopes));
    }

    /** A token signed with the right key but issued by someone else. */
    public static String foreignIssuerToken(String partner, String... scopes) {
        return sign(get().key, claims("https://idp.elsewhere.example", partner, partner, Instant.now(), scopes));
    }

    /** A token that claims the published key id but is signed with another key. */
    public static String badlySignedToken(String partner, String... scopes) {
        return sign(get().otherKey, claims(issuer(), partner, partner, Instant.now(), scopes));
    }

    /** Any claims, signed with the published key. */
    public static String sign(JWTClaimsSet claims) {
        return sign(get().key, claims);
    }

    /** {@code "Bearer " + token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JWTClaimsSet claims(String issuer, String subject, String partner, Instant issuedAt, String... scopes) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("client_id", subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(LIFETIME)));
        if (partner != null) {
            claims.claim("partner", partner);
        }
        if (scopes.length > 0) {
            claims.claim("scope", String.join(" ", scopes));
        }
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(KEY_ID).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        reply(exchange, 200, JsonHttp.write(Map.of("issuer", issuer, "jwks_uri", issuer + "/jwks",
                "token_endpoint", issuer + "/token", "grant_types_supported", new String[] {"client_credentials"})));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            clientId = URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
        }
        if (!"client_credentials".equals(form.get("grant_type")) || clientId == null || clientId.isBlank()) {
            reply(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String[] scopes = form.containsKey("scope") ? form.get("scope").split(" ") : new String[0];
        tokenRequests.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", sign(key, claims(issuer, clientId, clientId, Instant.now(), scopes)));
        body.put("token_type", "Bearer");
        body.put("expires_in", LIFETIME.toSeconds());
        if (scopes.length > 0) {
            body.put("scope", String.join(" ", Arrays.asList(scopes)));
        }
        reply(exchange, 200, JsonHttp.write(body));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
