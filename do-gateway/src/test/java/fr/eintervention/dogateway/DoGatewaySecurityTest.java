package fr.eintervention.dogateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Who may call the gateway: the technicians' tools (scope field) for the field API, operators
 * (scope operator) for the deliveries; and what the gateway presents to the OIs: a bearer token
 * obtained by client credentials.
 */
class DoGatewaySecurityTest extends DoGatewayTestSupport {

    private List<JsonNode> today(String technician) {
        JsonHttp.Response response = http.get("/technicians/" + technician + "/interventions/today");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().forEach(items::add);
        return items;
    }

    /** The claims of a bearer token, as the receiver would read them. */
    private static JsonNode claims(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return JsonHttp.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/ois", "/interventions/DO01-20260101-NOTFOUND", "/technicians/TECH-1/interventions/today"})
    void theFieldApiNeedsATokenWithTheScopeField(String path) {
        assertThat(JsonHttp.at(port).get(path).status()).as("no token").isEqualTo(401);
        assertThat(JsonHttp.at(port).withToken(TestTokens.expiredToken("technician", "field")).get(path).status())
                .as("expired").isEqualTo(401);
        assertThat(operator.get(path).status()).as("an operator's token").isEqualTo(403);
        assertThat(JsonHttp.at(port).as("DO01", "write:interventions").get(path).status()).as("a partner's token")
                .isEqualTo(403);
        assertThat(http.get(path).status()).as("a technician's tool").isIn(200, 404);
    }

    @Test
    void aStartRefusedForWantOfTokenOrScopeIsNotRecorded() {
        String technician = newTechnician();

        JsonHttp.Response anonymous = JsonHttp.at(port).post("/interventions", start(technician));
        JsonHttp.Response withoutField = operator.post("/interventions", start(technician));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Exception");
        assertThat(withoutField.status()).isEqualTo(403);
        assertThat(today(technician)).isEmpty();
        assertThat(JsonHttp.at(port).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/interventions/X"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}"))).status())
                .isEqualTo(401);
    }

    @Test
    void deliveriesAreTheOperatorsNotTheTechnicians() {
        assertThat(http.get("/admin/deliveries").status()).isEqualTo(403);
        assertThat(JsonHttp.at(port).get("/admin/deliveries").status()).isEqualTo(401);
        assertThat(operator.get("/admin/deliveries").status()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(403);
    }

    @Test
    void anM1CarriesABearerTokenObtainedByClientCredentials() {
        String ref = created(start(newTechnician()));
        awaitStatus(ref, "m1", "ACKNOWLEDGED");
        int tokensBefore = TestTokens.tokenRequests();
        awaitStatus(created(start(newTechnician())), "m1", "ACKNOWLEDGED");

        PartnerStub.Received m1 = OI02.received("/v1/intervention_DO").stream()
                .filter(request -> request.body().contains(ref)).findFirst().orElseThrow();
        JsonNode token = claims(m1.header("Authorization"));
        assertThat(token.get("iss").asString()).isEqualTo(TestTokens.issuer());
        assertThat(token.get("partner").asString()).as("the DO's client").isEqualTo("DO01");
        assertThat(token.get("scope").asString()).isEqualTo("write:interventions");
        assertThat(TestTokens.tokenRequests()).as("the token is reused, not fetched per message").isEqualTo(tokensBefore);
    }
}
