package fr.eintervention.oi.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/**
 * A corrected M1 moves an intervention from PM FI-35238-0001 (OC01, OC02) to FI-35238-0002 (OC02,
 * OC03) while OC01 speaks v2: the M4 that withdraws it from OC01 goes the way of every M2/M4 to a
 * v2 OC, a v2 M4 ({@code PUT /v2/interventions-oi}) for the former PM with its end at its start,
 * never v1's; an operator's re-send of it too.
 */
class PmCorrectionV2Test extends V2TestSupport {

    private static final String FORMER_PM = "FI-35238-0001";
    private static final String NEW_PM = "FI-35238-0002";

    @BeforeEach
    void oc01SpeaksV2() {
        setVersion("OC01", "v2");
        OCS.get("OC01").replyWith(request -> new PartnerStub.Reply(200, "{\"code\":0,\"refIntervOI\":\"x\"}"));
    }

    @Test
    void theWithdrawalOfAV2OcIsAV2M4() {
        String ref = newRef();
        String refOi = declare(m1(ref, FORMER_PM, "2026-11-20T09:15:00+01:00")).text("Ref_Interv_OI");
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 1);
        assertThat(receivedAbout("OC01", refOi).get(0).method()).isEqualTo("POST");
        assertThat(receivedAbout("OC01", refOi).get(0).path()).isEqualTo("/v2/interventions-oi");

        assertThat(declare(m1(ref, NEW_PM, "2026-11-20T09:20:00+01:00")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 2);
        PartnerStub.Received withdrawal = receivedAbout("OC01", refOi).get(1);
        assertThat(withdrawal.method()).isEqualTo("PUT");
        assertThat(withdrawal.path()).isEqualTo("/v2/interventions-oi");
        JsonNode m4 = JsonHttp.parse(withdrawal.body());
        assertThat(m4.get("message").asString()).isEqualTo("M4");
        assertThat(m4.get("pointMutualisation").get("refPM").asString()).isEqualTo(FORMER_PM);
        assertThat(OffsetDateTime.parse(m4.get("dateDebutIntervention").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-20T09:15:00+01:00").toInstant());
        assertThat(m4.get("dateFinIntervention").asString()).isEqualTo(m4.get("dateDebutIntervention").asString());
        assertThat(OCS.get("OC01").received("/v1/intervention_OI")).noneMatch(r -> r.body().contains(refOi));

        // an operator's re-send says the same, in v2
        JsonNode oc01 = operator(refOi, "OC01");
        assertThat(oc01.get("withdrawnFromPm").asString()).isEqualTo(FORMER_PM);
        long id = oc01.get("m4").get("id").asLong();
        assertThat(http.post("/admin/deliveries/" + id + "/resend", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 3);
        PartnerStub.Received again = receivedAbout("OC01", refOi).get(2);
        assertThat(again.method()).isEqualTo("PUT");
        assertThat(again.path()).isEqualTo("/v2/interventions-oi");
        assertThat(JsonHttp.parse(again.body()).get("pointMutualisation").get("refPM").asString()).isEqualTo(FORMER_PM);
        assertThat(OCS.get("OC01").received("/v1/intervention_OI")).noneMatch(r -> r.body().contains(refOi));
    }

    @Test
    void declaredInV2TheWithdrawalKeepsTheFormerPmsOwnTechnicalPm() {
        String ref = newRef();
        JsonHttp.Response declared = v2("POST", "/v2/interventions-do", v2m1(ref));
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        String refOi = declared.json().get("refIntervOI").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 1);

        JsonHttp.Response moved = v2("POST", "/v2/interventions-do", v2m1(ref).replace(FORMER_PM, NEW_PM)
                .replace("ARMOIRE 3", "ARMOIRE 9"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 2);
        JsonNode m4 = JsonHttp.parse(receivedAbout("OC01", refOi).get(1).body());
        assertThat(receivedAbout("OC01", refOi).get(1).method()).isEqualTo("PUT");
        assertThat(m4.get("pointMutualisation").get("refPM").asString()).isEqualTo(FORMER_PM);
        // the new PM's technical PM is not the former PM's
        assertThat(m4.get("pointMutualisation").get("refPMTechnique").asString()).isNotEqualTo("ARMOIRE 9");
    }

    private JsonNode operator(String refOi, String oc) {
        List<JsonNode> operators = new java.util.ArrayList<>();
        http.get("/consultation/interventions/" + refOi).json().get("operators").forEach(operators::add);
        return operators.stream().filter(o -> o.get("oc").asString().equals(oc)).findFirst().orElseThrow();
    }
}
