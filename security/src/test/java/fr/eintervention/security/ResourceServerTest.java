package fr.eintervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.eintervention.security.outbound.OutboundCredentials;
import fr.eintervention.security.testapp.SecurityTestApplication;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;

/**
 * The module in a running service (real HTTP, random port), trusting {@link TestTokens} with no
 * configuration (test-support's post-processor), as every service's tests will.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "eintervention.security.clients.[app-7f3a]=DO01",
                "eintervention.security.rate-limit.requests-per-second=1000",
                "eintervention.security.rate-limit.partners.RL01=5",
                "eintervention.security.rate-limit.partners.RL02=5",
                "eintervention.outbound.OI01.auth.type=oauth2",
                "eintervention.outbound.OI01.auth.client-id=DO01",
                "eintervention.outbound.OI01.auth.client-secret=test-only",
                "eintervention.outbound.OI01.auth.scopes=write:interventions"})
class ResourceServerTest {

    /** A protocol endpoint, its scope, and a valid message sent by {@code sender}. */
    record Endpoint(String path, String scope, String senderField, String sender) {

        String body(String code) {
            return switch (senderField) {
                case "Code_DO" -> """
                        {"Code_DO":"%s","Code_OI":"OI01","Ref_Interv_DO":"FI-12345-6789","PM":"FI-35238-0001",
                         "Nature_PBO_PTO":[{"nature":1,"PBO":"PT000123","PTO":"FI-1234-5678"}],
                         "Debut_Inter":"2026-11-24T09:15:00+01:00"}""".formatted(code);
                case "Code_OI" -> """
                        {"Code_OI":"%s","Ref_Interv_OI":"OI01-20261124-7K2M9QXA","PM":"FI-35238-0001",
                         "PBO":[{"PBO":"PT000123"}],"Debut_Inter":"2026-11-24T09:15:00+01:00"}""".formatted(code);
                default -> """
                        {"Code_OC_impacte":"%s","Ref_Interv_OI":"OI01-20261124-7K2M9QXA"}""".formatted(code);
            };
        }

        String body() {
            return body(sender);
        }

        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("/v1/intervention_DO", "write:interventions", "Code_DO", "DO01"),
                new Endpoint("/v1/intervention_OI", "write:interventions", "Code_OI", "OI01"),
                new Endpoint("/v1/client_HS_OC_Par_Inter", "write:clients", "Code_OC_impacte", "OC01"));
    }

    @DynamicPropertySource
    static void tokenEndpoint(DynamicPropertyRegistry registry) {
        registry.add("eintervention.outbound.OI01.auth.token-uri", TestTokens::tokenUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    OutboundCredentials outbound;

    JsonHttp http;

    @BeforeEach
    void setUp() {
        http = JsonHttp.at(port);
        SecurityTestApplication.STORED.clear();
    }

    private JsonHttp.Response post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }

    private JsonHttp.Response get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }

    private static void assertProblem(JsonHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at fr.", "at org.", "<html");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void acceptsTheRightPartnerWithTheContractScope(Endpoint endpoint) {
        JsonHttp.Response response = post(endpoint.path(), TestTokens.token(endpoint.sender(), endpoint.scope()), endpoint.body());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.text("Libelle_Reponse")).isEqualTo("OK");
        assertThat(SecurityTestApplication.STORED).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenIs401WithProblemDetailsAndBearerChallenge(Endpoint endpoint) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint.path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(endpoint.body()));
        JsonHttp.Response response = http.send(request);

        assertProblem(response, 401);
        assertThat(SecurityTestApplication.STORED).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void invalidTokensAre401(Endpoint endpoint) {
        Map<String, String> tokens = Map.of(
                "expired", TestTokens.expiredToken(endpoint.sender(), endpoint.scope()),
                "badly signed", TestTokens.badlySignedToken(endpoint.sender(), endpoint.scope()),
                "foreign issuer", TestTokens.foreignIssuerToken(endpoint.sender(), endpoint.scope()),
                "not a JWT", "abc.def.ghi");
        tokens.forEach((kind, token) -> {
            JsonHttp.Response response = post(endpoint.path(), token, endpoint.body());
            assertThat(response.status()).as(kind + ": " + response.body()).isEqualTo(401);
            assertProblem(response, 401);
        });
        assertThat(SecurityTestApplication.STORED).isEmpty();
    }

    @Test
    void theChallengeSaysWhyTheTokenIsInvalid() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
                .header("Authorization", "Bearer " + TestTokens.expiredToken("DO01")).GET();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer").contains("invalid_token");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theWrongScopeIs403(Endpoint endpoint) {
        String otherScope = endpoint.scope().equals("write:clients") ? "write:interventions" : "write:clients";
        JsonHttp.Response response = post(endpoint.path(), TestTokens.token(endpoint.sender(), otherScope, "operator"),
                endpoint.body());

        assertProblem(response, 403);
        assertThat(response.json().path("detail").asString()).contains(endpoint.scope());
        assertThat(SecurityTestApplication.STORED).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aPartnerSpeakingForAnotherIs403AndNothingIsStored(Endpoint endpoint) {
        String other = endpoint.sender().substring(0, 2) + "02";
        JsonHttp.Response response = post(endpoint.path(), TestTokens.token(endpoint.sender(), endpoint.scope()),
                endpoint.body(other));

        assertProblem(response, 403);
        assertThat(response.json().path("detail").asString())
                .isEqualTo(endpoint.senderField() + " " + other + " does not match the caller " + endpoint.sender());
        assertThat(SecurityTestApplication.STORED).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aTokenThatNamesNoPartnerCannotSendProtocolMessages(Endpoint endpoint) {
        JsonHttp.Response response = post(endpoint.path(), TestTokens.tokenWithoutPartner("some-app", endpoint.scope()),
                endpoint.body());

        assertProblem(response, 403);
        assertThat(response.json().path("detail").asString()).contains("names no partner");
        assertThat(SecurityTestApplication.STORED).isEmpty();
    }

    @Test
    void theProtocolValidationStillComesFirst() {
        Endpoint m1 = endpoints().findFirst().orElseThrow();
        JsonHttp.Response response = post(m1.path(), TestTokens.token("DO01", m1.scope()),
                m1.body("DO02").replace("\"PM\":\"FI-35238-0001\",", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("Libelle_Reponse")).isEqualTo("CHAMPS_NON_RENSEIGNE");
    }

    @Test
    void aClientWithoutPartnerClaimIsMappedThroughTheClientsMap() {
        Endpoint m1 = endpoints().findFirst().orElseThrow();
        String token = TestTokens.tokenWithoutPartner("app-7f3a", "write:interventions");

        assertThat(get("/whoami", token).text("partner")).isEqualTo("DO01");
        assertThat(post(m1.path(), token, m1.body("DO01")).status()).isEqualTo(200);
        assertThat(post(m1.path(), token, m1.body("DO02")).status()).isEqualTo(403);
    }

    @Test
    void callerPartnerTellsServicesWhoCalls() {
        assertThat(get("/whoami", TestTokens.token("OC02")).text("partner")).isEqualTo("OC02");
        assertThat(JsonHttp.at(port).as("OI01").get("/whoami").text("partner")).isEqualTo("OI01");
        assertThat(get("/whoami", TestTokens.tokenWithoutPartner("unknown-app")).text("partner")).isEqualTo("none");
        assertProblem(get("/whoami", null), 401);
    }

    @Test
    void operatorEndpointsNeedTheOperatorScope() {
        for (String path : List.of("/admin/ping", "/consultation/ping", "/actuator/info")) {
            assertProblem(get(path, null), 401);
            assertProblem(get(path, TestTokens.token("DO01", "write:interventions")), 403);
            assertThat(get(path, TestTokens.tokenWithoutPartner("ops-console", "operator")).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void servicesAddRulesForTheirOwnPaths() {
        assertProblem(get("/interventions/ping", null), 401);
        assertProblem(get("/interventions/ping", TestTokens.token("DO01", "operator")), 403);
        assertThat(get("/interventions/ping", TestTokens.tokenWithoutPartner("technician", "field")).status()).isEqualTo(200);
    }

    @Test
    void healthAndTheApiDocumentationAreAnonymous() {
        assertThat(get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
        JsonHttp.Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.body()).contains("intervention_DO");
    }

    @Test
    void aRequestBodyOverTheLimitIs413FromItsLength() {
        Endpoint m1 = endpoints().findFirst().orElseThrow();
        String huge = m1.body().replace("\"PBO\":\"PT000123\"", "\"PBO\":\"" + "x".repeat(300 * 1024) + "\"");

        JsonHttp.Response response = post(m1.path(), TestTokens.token("DO01", m1.scope()), huge);

        assertProblem(response, 413);
        assertThat(SecurityTestApplication.STORED).isEmpty();
    }

    @Test
    void aChunkedRequestBodyOverTheLimitIs413AndUnderItGoesThrough() {
        Endpoint m1 = endpoints().findFirst().orElseThrow();
        String huge = m1.body().replace("\"PBO\":\"PT000123\"", "\"PBO\":\"" + "x".repeat(300 * 1024) + "\"");

        assertProblem(chunked(m1.path(), TestTokens.token("DO01", m1.scope()), huge), 413);
        assertThat(SecurityTestApplication.STORED).isEmpty();

        JsonHttp.Response small = chunked(m1.path(), TestTokens.token("DO01", m1.scope()), m1.body());
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(SecurityTestApplication.STORED).hasSize(1);
    }

    private JsonHttp.Response chunked(String path, String token, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                // a publisher of unknown length: sent chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    @Test
    void aPartnerPastItsRateGets429AndOthersAreNotAffected() {
        Endpoint m5 = endpoints().skip(2).findFirst().orElseThrow();
        String limited = TestTokens.token("RL01", m5.scope());
        HttpClient client = HttpClient.newHttpClient();
        // a burst of 30 at once, against 5 per second
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            burst.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + m5.path()))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + limited)
                    .POST(HttpRequest.BodyPublishers.ofString(m5.body("RL01"))).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = burst.stream().map(CompletableFuture::join).toList();
        JsonHttp.Response otherPartner = post(m5.path(), TestTokens.token("RL02", m5.scope()), m5.body("RL02"));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 429).contains(200, 429);
        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertProblem(new JsonHttp.Response(429, refused.body(), JsonHttp.parse(refused.body())), 429);
        assertThat(refused.body()).contains("RL01");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(otherPartner.status()).isEqualTo(200);
    }

    @Test
    void outboundOAuth2CredentialsGetATokenThatTheResourceServerAccepts() {
        // the DO gateway's side: credentials for OI01 from configuration, its token from the token endpoint
        Endpoint m1 = endpoints().findFirst().orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        outbound.forPartner("OI01").apply(headers);

        JsonHttp.Response response = post(m1.path(), headers.getFirst(HttpHeaders.AUTHORIZATION).substring(7), m1.body());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
