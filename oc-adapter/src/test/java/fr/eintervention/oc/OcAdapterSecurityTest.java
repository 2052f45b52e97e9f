package fr.eintervention.oc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;

/**
 * Who may call the adapter: an OI sends M2/M4 for itself only, with the scope
 * write:interventions; the OC's internal tools need the operator scope; a refused call stores
 * nothing.
 */
class OcAdapterSecurityTest extends OcAdapterTestSupport {

    private long stored(String ref) {
        return jdbc.sql("select count(*) from intervention_window where ref_interv_oi = :ref").param("ref", ref)
                .query(Long.class).single();
    }

    private long outages(String pm) {
        return jdbc.sql("select count(*) from outage where pm = :pm").param("pm", pm).query(Long.class).single();
    }

    @Test
    void anM2WithoutATokenIs401AndNotStored() {
        String ref = newRef();

        JsonHttp.Response response = JsonHttp.at(port).post("/v1/intervention_OI", m2(ref, newPm(), "2026-11-24T09:00:00+01:00"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(stored(ref)).isZero();
    }

    @Test
    void anExpiredOrForeignTokenIs401() {
        String m2 = m2(newRef(), newPm(), "2026-11-24T09:00:00+01:00");

        assertThat(JsonHttp.at(port).withToken(TestTokens.expiredToken("OI01", "write:interventions"))
                .post("/v1/intervention_OI", m2).status()).isEqualTo(401);
        assertThat(JsonHttp.at(port).withToken(TestTokens.foreignIssuerToken("OI01", "write:interventions"))
                .post("/v1/intervention_OI", m2).status()).isEqualTo(401);
        assertThat(JsonHttp.at(port).withToken(TestTokens.badlySignedToken("OI01", "write:interventions"))
                .post("/v1/intervention_OI", m2).status()).isEqualTo(401);
    }

    @Test
    void anM2WithTheWrongScopeIs403AndNotStored() {
        String ref = newRef();

        JsonHttp.Response response = JsonHttp.at(port).as("OI01", "write:clients")
                .post("/v1/intervention_OI", m2(ref, newPm(), "2026-11-24T09:00:00+01:00"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("detail")).contains("write:interventions");
        assertThat(stored(ref)).isZero();
    }

    @Test
    void anOiOnlySpeaksForItself() {
        String ref = newRef();

        JsonHttp.Response response = asOi("OI02").post("/v1/intervention_OI", m2(ref, newPm(), "2026-11-24T09:00:00+01:00"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("detail")).isEqualTo("Code_OI OI01 does not match the caller OI02");
        assertThat(stored(ref)).isZero();
    }

    @Test
    void anOperatorTokenDoesNotSendM2() {
        String ref = newRef();

        JsonHttp.Response response = http.post("/v1/intervention_OI", m2(ref, newPm(), "2026-11-24T09:00:00+01:00"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(stored(ref)).isZero();
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/interventions?pm=FI-35238-0001&at=now", "/admin/pms", "/admin/deliveries"})
    void theInternalToolsNeedTheOperatorScope(String path) {
        assertThat(JsonHttp.at(port).get(path).status()).as("no token").isEqualTo(401);
        assertThat(oi01.get(path).status()).as("an OI's token").isEqualTo(403);
        assertThat(JsonHttp.at(port).withToken(TestTokens.tokenWithoutPartner("technician", "field")).get(path).status())
                .as("another scope").isEqualTo(403);
        assertThat(http.get(path).status()).as("the operator").isEqualTo(200);
    }

    @Test
    void onlyAnOperatorFeedsOutagesAndOwnInterventions() {
        String pm = "FI-SEC-" + newRef();
        String events = "[{\"PM\":\"" + pm + "\",\"PTO\":\"FI-A\",\"downAt\":\"2026-11-24T09:10:00+01:00\"}]";
        String own = "{\"pm\":\"" + pm + "\",\"pto\":\"FI-A\",\"from\":\"2026-11-24T09:00:00+01:00\"}";

        assertThat(oi01.post("/outages", events).status()).isEqualTo(403);
        assertThat(oi01.post("/outages/csv", "text/csv", "PM;PTO\n" + pm + ";FI-A\n").status()).isEqualTo(403);
        assertThat(oi01.post("/own-interventions", own).status()).isEqualTo(403);
        assertThat(JsonHttp.at(port).post("/outages", events).status()).isEqualTo(401);
        assertThat(oi01.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/pms/" + pm))
                .PUT(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(403);
        assertThat(outages(pm)).isZero();

        assertThat(http.post("/outages", events).status()).isEqualTo(200);
        assertThat(outages(pm)).isEqualTo(1);
    }

    @Test
    void theModulesBodySizeLimitStillGuardsTheProtocolTheFeedHasItsOwn() {
        String pm = "FI-BIG-" + newRef();
        String big = m2(newRef(), pm, "2026-11-24T09:00:00+01:00").replace("\"PT000123\"", "\"" + "P".repeat(300_000) + "\"");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 3_000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"PM\":\"").append(pm).append("\",\"PTO\":\"FI-").append(i)
                    .append("\",\"downAt\":\"2026-11-24T09:10:00+01:00\",\"cause\":\"LOSS_OF_SIGNAL\"}");
        }
        String feed = batch.append(']').toString();
        assertThat(feed.length()).isGreaterThan(256 * 1024);

        assertThat(oi01.post("/v1/intervention_OI", big).status()).isEqualTo(413);
        assertThat(JsonHttp.at(port).post("/outages", feed).status()).as("anonymous: the token first").isEqualTo(401);
        assertThat(oi01.post("/outages", feed).status()).isEqualTo(403);
        assertThat(outages(pm)).isZero();
        JsonHttp.Response stored = http.post("/outages", feed);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(outages(pm)).isEqualTo(3_000);
    }

    @Test
    void healthAndTheContractAreOpenTheRestOfTheActuatorIsNot() {
        JsonHttp anonymous = JsonHttp.at(port);

        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(200);
    }
}
