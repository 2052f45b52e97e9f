package fr.eintervention.oi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestTokens;

/**
 * The OI service running for real, secured: HTTP on a random port, tokens of the test IdP, its
 * own database on a real PostgreSQL, the demo referential (OI01; PM FI-35238-0001 with OC01 and OC02, FI-35238-0002
 * with OC02 and OC03, FI-75056-0003 with no OC).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eintervention.oi.codes=OI01,OI02", "eintervention.delivery.poll-interval=1h",
                "spring.flyway.locations=classpath:db/migration,classpath:db/sample",
                // tests send bursts (50 identical M1 at once): the rate limit is the security module's to test
                "eintervention.security.rate-limit.requests-per-second=0",
                "eintervention.security.rate-limit.max-in-flight=0"})
public abstract class OiServiceTestSupport {

    /** The OI presents an OAuth2 token (client credentials at the test IdP) to OC01; the others ask for none. */
    @DynamicPropertySource
    static void outboundCredentials(DynamicPropertyRegistry registry) {
        registry.add("eintervention.outbound.OC01.auth.type", () -> "oauth2");
        registry.add("eintervention.outbound.OC01.auth.token-uri", TestTokens::tokenUri);
        registry.add("eintervention.outbound.OC01.auth.client-id", () -> "OI01");
        registry.add("eintervention.outbound.OC01.auth.client-secret", () -> "test");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** An operator of the OI: admin and consultation. */
    protected JsonHttp http;
    /** DO01, the DO of the demo referential, sending M1/M3. */
    protected JsonHttp do01;

    /** The OCs of the demo referential, as real HTTP receivers answering OK unless a test says otherwise. */
    protected static final Map<String, PartnerStub> OCS = Map.of("OC01", PartnerStub.start(),
            "OC02", PartnerStub.start(), "OC03", PartnerStub.start());
    private static final Map<String, Boolean> FLUX3 = Map.of("OC01", true, "OC02", true, "OC03", false);

    @BeforeEach
    void connect() {
        http = JsonHttp.at(port).withToken(TestTokens.tokenWithoutPartner("operator", "operator"));
        do01 = JsonHttp.at(port).as("DO01", "write:interventions");
        OCS.forEach((code, stub) -> {
            stub.replyOk();
            JsonHttp.Response response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/admin/referential/partners/" + code))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + code + "\",\"baseUrl\":\""
                            + stub.baseUrl() + "\",\"flux3\":" + FLUX3.get(code) + "}")));
            assertThat(response.status()).isEqualTo(200);
        });
    }

    /** A DO reference no other test uses. */
    protected static String newRef() {
        return "REF-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /** An M1 body for a PM of the demo referential. */
    protected static String m1(String refDo) {
        return m1(refDo, "FI-35238-0001", "2026-11-24T09:15:00+01:00");
    }

    protected static String m1(String refDo, String pm, String start) {
        return """
                {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"%s",
                 "Nature_PBO_PTO":[{"nature":1,"PBO":"PT000123","PTO":"FI-1234-5678"},{"nature":2,"PBO":"PT000456"}],
                 "Debut_Inter":"%s"}""".formatted(refDo, pm, start);
    }

    /** The same intervention ended: an M3 with final natures. */
    protected static String m3(String refDo, String end) {
        return """
                {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"FI-35238-0001",
                 "Nature_PBO_PTO":[{"nature":3,"PBO":"PT000123","PTO":"FI-1234-5678"},{"nature":2,"PBO":"PT000456"}],
                 "Debut_Inter":"2026-11-24T09:15:00+01:00","Fin_Inter":"%s"}""".formatted(refDo, end);
    }

    protected JsonHttp.Response declare(String body) {
        return do01.post("/v1/intervention_DO", body);
    }

    /** An OC sending M5. */
    protected JsonHttp asOc(String oc) {
        return JsonHttp.at(port).as(oc, "write:clients");
    }

    protected long interventionCount(String refDo) {
        return jdbc.sql("select count(*) from intervention where ref_interv_do = :ref").param("ref", refDo)
                .query(Long.class).single();
    }

    /** The outbox rows about an OI reference, in queue order. */
    protected List<Map<String, Object>> outbox(String refOi) {
        return jdbc.sql("select partner, kind, status, payload from delivery_message where subject = :ref order by id")
                .param("ref", refOi).query().listOfRows();
    }
}
