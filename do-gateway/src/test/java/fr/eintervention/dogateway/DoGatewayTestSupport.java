package fr.eintervention.dogateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.MovableClock;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The gateway running for real, secured: HTTP on a random port, tokens of the test IdP
 * ({@code TestTokens}), its own database on a real PostgreSQL, a movable clock. It knows two OIs,
 * OI01 and OI02, stubs that answer what a test tells them (the gateway with the real OI service
 * is the end-to-end tests' {@code GatewayOiRoundTripEndToEndTest}); to both the gateway presents an OAuth2 token obtained from the test IdP by client
 * credentials as DO01. The engine polls often, so that a retry is made soon after a test moves
 * the clock past its delay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {DoGatewayApplication.class, DoGatewayTestSupport.TestClock.class},
        properties = {"eintervention.do.code=DO01", "eintervention.delivery.poll-interval=200ms",
                // tests send bursts: the rate limit is the security module's to test
                "eintervention.security.rate-limit.requests-per-second=0"})
public abstract class DoGatewayTestSupport {

    protected static final PartnerStub OI01 = PartnerStub.start();
    protected static final PartnerStub OI02 = PartnerStub.start();
    /** An OI that speaks v2. */
    protected static final PartnerStub OI03 = PartnerStub.start();
    protected static final Duration AWAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void ois(DynamicPropertyRegistry registry) {
        registry.add("eintervention.do.ois.OI01.base-url", OI01::baseUrl);
        registry.add("eintervention.do.ois.OI02.base-url", OI02::baseUrl);
        registry.add("eintervention.do.ois.OI03.base-url", OI03::baseUrl);
        registry.add("eintervention.do.ois.OI03.protocol-version", () -> "v2");
        for (String oi : new String[] {"OI01", "OI02", "OI03"}) {
            // client credentials at the test IdP (any secret): the token's partner is DO01
            registry.add("eintervention.outbound." + oi + ".auth.type", () -> "oauth2");
            registry.add("eintervention.outbound." + oi + ".auth.token-uri", TestTokens::tokenUri);
            registry.add("eintervention.outbound." + oi + ".auth.client-id", () -> "DO01");
            registry.add("eintervention.outbound." + oi + ".auth.client-secret", () -> "test");
            registry.add("eintervention.outbound." + oi + ".auth.scopes", () -> "write:interventions");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        MovableClock clock() {
            return MovableClock.ticking();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MovableClock clock;

    /** A technician's tool: the field API (scope field). */
    protected JsonHttp http;
    /** An operator of the DO: deliveries, actuator (scope operator). */
    protected JsonHttp operator;

    @BeforeEach
    void connect() {
        http = JsonHttp.at(port).withToken(TestTokens.tokenWithoutPartner("technician", "field"));
        operator = JsonHttp.at(port).withToken(TestTokens.tokenWithoutPartner("operator", "operator"));
        OI01.replyOk();
        OI02.replyOk();
        OI03.replyWith(request -> v2Ok("OI03-" + JsonHttp.parse(request.body()).path("refIntervDO").asString()));
    }

    /** A v2 OI's OK answer (decision 0025). */
    protected static PartnerStub.Reply v2Ok(String refIntervOi) {
        return new PartnerStub.Reply(200, "{\"code\":0,\"description\":\"OK\",\"refIntervOI\":\"" + refIntervOi + "\"}");
    }

    /** A technician no other test uses. */
    protected static String newTechnician() {
        return "TECH-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An ISO 8601 timestamp this long before the gateway's now, to the second, as a device would send it. */
    protected String ago(Duration duration) {
        return clock.instant().minus(duration).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A JSON object from name/value pairs; null values are left out. */
    protected static String json(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                object.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return JsonHttp.write(object);
    }

    protected static Map<String, Object> nature(int nature, String pbo, String pto) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("nature", nature);
        if (pbo != null) {
            entry.put("pbo", pbo);
        }
        if (pto != null) {
            entry.put("pto", pto);
        }
        return entry;
    }

    /** A start on OI02's stub at a PM, an hour ago. */
    protected String start(String technician) {
        return json("technicianId", technician, "codeOi", "OI02", "pm", "FI-35238-0001",
                "natures", List.of(nature(1, "PT000123", "FI-1234-5678")), "start", ago(Duration.ofHours(1)));
    }

    protected JsonHttp.Response post(String path, String body) {
        return http.post(path, body);
    }

    protected JsonHttp.Response put(String path, String body) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Starts an intervention, expecting it created; its reference. */
    protected String created(String body) {
        JsonHttp.Response response = post("/interventions", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("ref");
    }

    protected JsonNode intervention(String ref) {
        JsonHttp.Response response = http.get("/interventions/" + ref);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the declaration (m1 or m3) reaches that status; the intervention then. */
    protected JsonNode awaitStatus(String ref, String declaration, String status) {
        return await().atMost(AWAIT).until(() -> intervention(ref),
                view -> view.has(declaration) && status.equals(view.get(declaration).get("status").asString()));
    }

    /** The errors of a refused request, as "field: reason". */
    protected static List<String> errors(JsonHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(error ->
                errors.add(error.get("field").asString() + ": " + error.get("reason").asString()));
        return errors;
    }

    /** The fields a refused request was refused for. */
    protected static List<String> fields(JsonHttp.Response response) {
        return errors(response).stream().map(error -> error.substring(0, error.indexOf(':'))).toList();
    }

    /** The M1/M3 bodies a partner received for a reference, in arrival order. */
    protected static List<JsonNode> received(PartnerStub partner, String ref) {
        return partner.received("/v1/intervention_DO").stream()
                .map(request -> JsonHttp.parse(request.body()))
                .filter(body -> ref.equals(body.get("Ref_Interv_DO").asString()))
                .toList();
    }

    protected static Instant instant(JsonNode timestamp) {
        return OffsetDateTime.parse(timestamp.asString()).toInstant();
    }
}
