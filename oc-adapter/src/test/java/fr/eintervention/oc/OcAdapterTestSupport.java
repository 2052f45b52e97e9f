package fr.eintervention.oc;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.MovableClock;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The adapter running for real, secured: HTTP on a random port, tokens of the test IdP
 * ({@code TestTokens}), its own database on a real PostgreSQL, a movable clock, flux 3 on
 * (15 minutes' settling, due M5s looked for every 200 ms) and one OI partner, {@code OI01},
 * played by a stub over real HTTP that answers OK, except REF_INTERV_OI_INCONNUE (HTTP 404) for
 * references starting with {@code NEVER-}. The adapter presents OI01 an OAuth2 token obtained
 * from the test IdP as {@code OC07}. Each test works on PMs and references of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eintervention.oc.code=OC07",
        // tests send bursts: the rate limit is the security module's to test
        "eintervention.security.rate-limit.requests-per-second=0",
        "eintervention.oc.flux3.enabled=true",
        "eintervention.oc.flux3.settling-delay=15m",
        "eintervention.oc.flux3.deadline-margin=5m",
        "eintervention.oc.flux3.poll-interval=200ms"})
@Import(OcAdapterTestSupport.FrozenClock.class)
public abstract class OcAdapterTestSupport {

    protected static final String M5_PATH = "/v1/client_HS_OC_Par_Inter";
    protected static final PartnerStub OI = PartnerStub.start().replyWith(request ->
            request.body().contains("\"Ref_Interv_OI\":\"NEVER-")
                    ? PartnerStub.Reply.ko(404, 3, "REF_INTERV_OI_INCONNUE", "reference inconnue")
                    : PartnerStub.Reply.ok());

    /**
     * OI02, a partner speaking v2 ({@code protocol-version: v2}), played by a stub that answers
     * v2's OK ({@code code} 0), except REF_INTERV_OI_INCONNUE (400, v2's error body) for
     * references starting with {@code NEVER-}.
     */
    protected static final PartnerStub OI_V2 = PartnerStub.start().replyWith(request ->
            request.body().contains("\"refIntervOI\":\"NEVER-")
                    ? new PartnerStub.Reply(400, "{\"error\":\"REF_INTERV_OI_INCONNUE\",\"error_description\":\"inconnue\"}")
                    : new PartnerStub.Reply(200, "{\"code\":0,\"refIntervOI\":\"R\"}"));
    protected static final String M5TX_PATH = "/v2/interventions-oi/notification-impacte-clients-oc";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MovableClock clock;

    /** An operator of the OC: the internal tools (queries, outages, own interventions, admin). */
    protected JsonHttp http;
    /** OI01, the OC's partner, sending M2/M4. */
    protected JsonHttp oi01;

    @DynamicPropertySource
    static void oi(DynamicPropertyRegistry registry) {
        registry.add("eintervention.oc.partners.OI01.base-url", OI::baseUrl);
        // M5 to OI01 with a token of the test IdP, client credentials as the OC (any secret is accepted)
        registry.add("eintervention.outbound.OI01.auth.type", () -> "oauth2");
        registry.add("eintervention.outbound.OI01.auth.token-uri", TestTokens::tokenUri);
        registry.add("eintervention.outbound.OI01.auth.client-id", () -> "OC07");
        registry.add("eintervention.outbound.OI01.auth.client-secret", () -> "test");
        registry.add("eintervention.outbound.OI01.auth.scopes", () -> "write:clients");
        registry.add("eintervention.oc.partners.OI02.base-url", OI_V2::baseUrl);
        registry.add("eintervention.oc.partners.OI02.protocol-version", () -> "v2");
        registry.add("eintervention.outbound.OI02.auth.type", () -> "oauth2");
        registry.add("eintervention.outbound.OI02.auth.token-uri", TestTokens::tokenUri);
        registry.add("eintervention.outbound.OI02.auth.client-id", () -> "OC07");
        registry.add("eintervention.outbound.OI02.auth.client-secret", () -> "test");
        registry.add("eintervention.outbound.OI02.auth.scopes", () -> "write:clients");
    }

    @BeforeEach
    void connect() {
        http = JsonHttp.at(port).withToken(TestTokens.tokenWithoutPartner("operator", "operator"));
        oi01 = asOi("OI01");
    }

    /** An OI sending M2/M4: a token of that partner with the scope write:interventions. */
    protected JsonHttp asOi(String codeOi) {
        return JsonHttp.at(port).as(codeOi, "write:interventions");
    }

    /** A reference no other test uses. */
    protected static String newRef() {
        return "OI01-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /** A PM no other test uses, added to the OC's PM list. */
    protected String newPm() {
        String pm = "FI-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        JsonHttp.Response response = put("/admin/pms/" + pm);
        if (response.status() != 204) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
        return pm;
    }

    protected JsonHttp.Response put(String path) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** An M2: the start. */
    protected static String m2(String ref, String pm, String start) {
        return """
                {"Code_OI":"OI01","Ref_Interv_OI":"%s","PM":"%s","PBO":[{"PBO":"PT000123"}],"Debut_Inter":"%s"}"""
                .formatted(ref, pm, start);
    }

    /** An M4: the end, with both timestamps. */
    protected static String m4(String ref, String pm, String start, String end) {
        return """
                {"Code_OI":"OI01","Ref_Interv_OI":"%s","PM":"%s","PBO":[{"PBO":"PT000123"}],"Debut_Inter":"%s","Fin_Inter":"%s"}"""
                .formatted(ref, pm, start, end);
    }

    /** M2/M4 from OI01. */
    protected JsonHttp.Response declare(String body) {
        return oi01.post("/v1/intervention_OI", body);
    }

    /** Declares and expects OK. */
    protected void accepted(String body) {
        JsonHttp.Response response = declare(body);
        if (response.status() != 200 || response.json().get("Code_Reponse").asInt() != 0) {
            throw new AssertionError(response.status() + " " + response.body());
        }
    }

    /** How many interventions the adapter holds under that reference (one at most). */
    protected long windowRows(String ref) {
        return jdbc.sql("select count(*) from intervention_window where ref_interv_oi = :ref").param("ref", ref)
                .query(Long.class).single();
    }

    /** The one intervention on that PM, as the query API shows it. */
    protected JsonNode onlyIntervention(String pm) {
        JsonHttp.Response response = http.get("/interventions?pm=" + pm + "&from=2026-11-01&to=2026-12-01");
        if (response.status() != 200 || response.json().get("total").asInt() != 1) {
            throw new AssertionError(response.status() + " " + response.body());
        }
        return response.json().get("items").get(0);
    }

    /** OI02 (v2) sending M2/M4, the report and M4TX. */
    protected JsonHttp oi02() {
        return asOi("OI02");
    }

    /** A v2 M2 from OI02. */
    protected static String m2v2(String ref, String pm, String start) {
        return """
                {"message":"M2","codeOI":"OI02","refIntervOI":"%s","pointMutualisation":{"refPM":"%s","refPMTechnique":"PMT-1"},\
                "refPBO":"PT000123","dateDebutIntervention":"%s","elementReseau":"PBO","description":"boitier"}"""
                .formatted(ref, pm, start);
    }

    /** A v2 M4 from OI02, its cold check 15 days after the end. */
    protected static String m4v2(String ref, String pm, String start, String end) {
        return """
                {"message":"M4","codeOI":"OI02","refIntervOI":"%s","pointMutualisation":{"refPM":"%s","refPMTechnique":"PMT-1"},\
                "dateDebutIntervention":"%s","dateFinIntervention":"%s","dateTestFinFroid":"2026-12-09T11:00:00+01:00"}"""
                .formatted(ref, pm, start, end);
    }

    /** A v2 message ({@code POST} or {@code PUT}) from OI02. */
    protected JsonHttp.Response sendV2(String method, String path, String body) {
        return oi02().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a v2 message from OI02 and expects 200, code 0. */
    protected JsonHttp.Response acceptedV2(String method, String path, String body) {
        JsonHttp.Response response = sendV2(method, path, body);
        if (response.status() != 200 || response.json().get("code").asInt() != 0) {
            throw new AssertionError(response.status() + " " + response.body());
        }
        return response;
    }

    /** The tests' time: 2026-11-24 09:00 in Paris, moved by each test as it needs. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FrozenClock {

        @Bean
        MovableClock movableClock() {
            return MovableClock.frozenAt(Instant.parse("2026-11-24T08:00:00Z"));
        }
    }
}
