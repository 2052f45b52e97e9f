package fr.eintervention.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

import fr.eintervention.demo.resourceserver.DemoResourceServer;
import fr.eintervention.security.outbound.OutboundCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo auth-server over real HTTP (demo profile, its own issuer), and a service with the
 * security module configured with nothing but that issuer, accepting its tokens.
 */
class AuthServerTest {

    /** The test classpath has the security module and the delivery engine: none of them in the auth-server. */
    private static final String NO_DATABASE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static ConfigurableApplicationContext authServer;
    static ConfigurableApplicationContext service;
    static String issuer;
    static String serviceUrl;

    @BeforeAll
    static void start() throws IOException {
        int port = DemoAuthServer.freePort();
        issuer = "http://localhost:" + port;
        authServer = DemoAuthServer.start(port, issuer);
        service = new SpringApplicationBuilder(DemoResourceServer.class).run(
                "--spring.config.name=demo-resource-server",
                "--server.port=0",
                "--eintervention.security.issuer-uri=" + issuer,
                "--spring.autoconfigure.exclude=" + NO_DATABASE
                        + ",org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration");
        serviceUrl = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (authServer != null) {
            authServer.close();
        }
    }

    record Answer(int status, JsonNode json, String body) {
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (RuntimeException e) {
                json = JSON.missingNode();
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code curl -u DO01:<secret> -d grant_type=client_credentials localhost:9000/oauth2/token} */
    private static Answer token(String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String accessToken(String clientId, String secret) {
        Answer answer = token(clientId, secret, "grant_type=client_credentials");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("access_token").asString();
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Answer post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static String m1(String codeDo) {
        return """
                {"Code_DO":"%s","Code_OI":"OI01","Ref_Interv_DO":"FI-12345-6789","PM":"FI-35238-0001",
                 "Nature_PBO_PTO":[{"nature":1,"PBO":"PT000123","PTO":"FI-1234-5678"}],
                 "Debut_Inter":"2026-11-24T09:15:00+01:00"}""".formatted(codeDo);
    }

    private static String m5(String codeOc) {
        return "{\"Code_OC_impacte\":\"" + codeOc + "\",\"Ref_Interv_OI\":\"OI01-20261124-7K2M9QXA\"}";
    }

    @Test
    void aUrlTomcatRefusesIsAnsweredWithProblemDetailsNotAnHtmlPage() {
        for (String path : new String[] {"/oauth2/%00", "/oauth2/%C0%AF", "/..%2F..%2Fadmin", "/oauth2/token%00"}) {
            Answer answer = send(HttpRequest.newBuilder(URI.create(issuer + path)).GET());

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).doesNotContainIgnoringCase("<html");
            assertThat(answer.json().path("status").asInt()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().path("errors").path(0).path("field").asString()).as(answer.body()).isEqualTo("path");
        }
    }

    @Test
    void aPartnerGetsATokenWithItsPartnerClaimAndScopesByClientCredentials() {
        Answer answer = token("DO01", "demo-do01-secret", "grant_type=client_credentials");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.json().path("expires_in").asLong()).isBetween(890L, 900L);
        assertThat(answer.json().path("scope").asString()).isEqualTo("write:interventions");
        JsonNode claims = claims(answer.json().path("access_token").asString());
        assertThat(claims.path("iss").asString()).isEqualTo(issuer);
        assertThat(claims.path("sub").asString()).isEqualTo("DO01");
        assertThat(claims.path("partner").asString()).isEqualTo("DO01");
        assertThat(claims.path("client_id").asString()).isEqualTo("DO01");
        assertThat(claims.path("scope").toString()).contains("write:interventions");
    }

    @Test
    void eachClientHasItsOwnScopes() {
        assertThat(claims(accessToken("OI01", "demo-oi01-secret")).path("scope").toString()).contains("write:interventions");
        assertThat(claims(accessToken("OC02", "demo-oc02-secret")).path("scope").toString()).contains("write:clients");
        JsonNode operator = claims(accessToken("operator", "demo-operator-secret"));
        assertThat(operator.path("scope").toString()).contains("operator");
        assertThat(operator.has("partner")).isFalse();
        assertThat(claims(accessToken("technician", "demo-technician-secret")).path("scope").toString()).contains("field");

        Answer subset = token("OC01", "demo-oc01-secret", "grant_type=client_credentials&scope=write%3Aclients");
        assertThat(subset.status()).isEqualTo(200);
        Answer other = token("OC01", "demo-oc01-secret", "grant_type=client_credentials&scope=write%3Ainterventions");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().path("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void aWrongSecretOrAnUnknownClientGetsNoToken() {
        Answer wrong = token("DO01", "guess", "grant_type=client_credentials");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(token("DO99", "demo-do01-secret", "grant_type=client_credentials").status()).isEqualTo(401);
    }

    @Test
    void publishesItsDiscoveryDocumentAndKeysAndItsHealth() {
        Answer metadata = send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/oauth-authorization-server")).GET());
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().path("issuer").asString()).isEqualTo(issuer);
        assertThat(metadata.json().path("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
        Answer keys = send(HttpRequest.newBuilder(URI.create(metadata.json().path("jwks_uri").asString())).GET());
        assertThat(keys.json().path("keys").size()).isEqualTo(1);
        assertThat(send(HttpRequest.newBuilder(URI.create(issuer + "/actuator/health")).GET()).status()).isEqualTo(200);
        Answer other = send(HttpRequest.newBuilder(URI.create(issuer + "/anything")).GET());
        assertThat(other.status()).isEqualTo(401);
        assertThat(other.json().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void theSecurityModuleAcceptsItsTokensThroughTheIssuerAlone() {
        assertThat(post("/v1/intervention_DO", accessToken("DO01", "demo-do01-secret"), m1("DO01")).status()).isEqualTo(200);
        assertThat(post("/v1/client_HS_OC_Par_Inter", accessToken("OC01", "demo-oc01-secret"), m5("OC01")).status()).isEqualTo(200);

        // no token, the wrong scope, speaking for another
        assertThat(post("/v1/intervention_DO", null, m1("DO01")).status()).isEqualTo(401);
        assertThat(post("/v1/intervention_DO", accessToken("OC01", "demo-oc01-secret"), m1("DO01")).status()).isEqualTo(403);
        Answer foreign = post("/v1/intervention_DO", accessToken("OI01", "demo-oi01-secret"), m1("DO01"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().path("detail").asString()).isEqualTo("Code_DO DO01 does not match the caller OI01");
        assertThat(post("/v1/client_HS_OC_Par_Inter", accessToken("OC02", "demo-oc02-secret"), m5("OC01")).status()).isEqualTo(403);

        // the operator's console
        Answer whoami = send(HttpRequest.newBuilder(URI.create(serviceUrl + "/consultation/whoami"))
                .header("Authorization", "Bearer " + accessToken("operator", "demo-operator-secret")).GET());
        assertThat(whoami.status()).isEqualTo(200);
        assertThat(whoami.json().path("partner").asString()).isEqualTo("none");
    }

    @Test
    void outboundOAuth2CredentialsOfTheSecurityModuleUseIt() {
        org.springframework.core.env.StandardEnvironment environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test", java.util.Map.of(
                "eintervention.outbound.OI01.auth.type", "oauth2",
                "eintervention.outbound.OI01.auth.token-uri", issuer + "/oauth2/token",
                "eintervention.outbound.OI01.auth.client-id", "DO01",
                "eintervention.outbound.OI01.auth.client-secret", "demo-do01-secret",
                "eintervention.outbound.OI01.auth.scopes", "write:interventions")));
        HttpHeaders headers = new HttpHeaders();
        OutboundCredentials.from(environment, null).forPartner("OI01").apply(headers);

        String bearer = headers.getFirst(HttpHeaders.AUTHORIZATION);
        assertThat(bearer).startsWith("Bearer ");
        assertThat(post("/v1/intervention_DO", bearer.substring(7), m1("DO01")).status()).isEqualTo(200);
    }
}
