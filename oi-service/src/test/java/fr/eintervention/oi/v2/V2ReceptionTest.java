package fr.eintervention.oi.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/**
 * v2's M1, M3 and report received over HTTP: answered in v2, stored as one intervention, relayed to
 * each OC in its own version (OC01 v1, OC02 v2), M2 before M4, the report after M4 to the v2 OC
 * only, and each loss recorded and shown.
 */
class V2ReceptionTest extends V2TestSupport {

    @Test
    void m1IsAnsweredInV2AndRelayedToEachOcInItsVersion() {
        String ref = newRef();
        JsonHttp.Response answer = v2("POST", "/v2/interventions-do", v2m1(ref));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("code").asInt()).isZero();
        assertThat(answer.json().get("refIntervDO").asString()).isEqualTo(ref);
        String refOi = answer.json().get("refIntervOI").asString();
        assertThat(answer.json().propertyNames()).containsExactlyInAnyOrder("code", "refIntervDO", "refIntervOI");

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 1
                && receivedAbout("OC02", refOi).size() == 1);
        PartnerStub.Received v1 = receivedAbout("OC01", refOi).get(0);
        assertThat(v1.path()).isEqualTo("/v1/intervention_OI");
        assertThat(JsonHttp.parse(v1.body()).get("PBO").get(0).get("PBO").asString()).isEqualTo("PT000123");
        PartnerStub.Received v2 = receivedAbout("OC02", refOi).get(0);
        assertThat(v2.method()).isEqualTo("POST");
        assertThat(v2.path()).isEqualTo("/v2/interventions-oi");
        JsonNode m2 = JsonHttp.parse(v2.body());
        assertThat(m2.get("message").asString()).isEqualTo("M2");
        assertThat(m2.get("refPBO").asString()).isEqualTo("PT000123");
        assertThat(m2.get("pointMutualisation").get("refPMTechnique").asString()).isEqualTo("ARMOIRE 3");
        assertThat(m2.get("elementReseau").asString()).isEqualTo("PTO");
        assertThat(m2.has("refPTO")).as("anonymised").isFalse();

        // stored once, with what v1 lacks; the v1 OC's losses recorded and shown
        JsonNode view = http.get("/consultation/interventions/" + refOi).json();
        assertThat(view.get("protocolVersion").asString()).isEqualTo("v2");
        assertThat(view.get("v2Details").asString()).contains("\"20\"").contains("PRS-1");
        assertThat(view.get("messages").get(0).get("payload").asString()).isEqualTo(v2m1(ref));
        List<String> lost = view.get("losses").valueStream()
                .map(loss -> loss.get("oc").asString() + " " + loss.get("field").asString()).toList();
        assertThat(lost).contains("OC01 pointMutualisation.refPMTechnique").noneMatch(loss -> loss.startsWith("OC02"));
    }

    @Test
    void m3IsAPutAfterM2AndTheReportFollowsToTheV2OcOnly() {
        String ref = newRef();
        String refOi = v2("POST", "/v2/interventions-do", v2m1(ref)).json().get("refIntervOI").asString();
        JsonHttp.Response end = v2("PUT", "/v2/interventions-do", v2m3(ref));
        assertThat(end.status()).as(end.body()).isEqualTo(200);
        assertThat(end.json().get("refIntervOI").asString()).isEqualTo(refOi);
        JsonHttp.Response report = v2("POST", "/v2/interventions-do/compte-rendu", report(ref));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("code").asInt()).isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC02", refOi).size() == 3
                && receivedAbout("OC01", refOi).size() == 2);
        List<PartnerStub.Received> atOc02 = receivedAbout("OC02", refOi);
        assertThat(atOc02).extracting(PartnerStub.Received::method).containsExactly("POST", "PUT", "POST");
        assertThat(atOc02).extracting(PartnerStub.Received::path)
                .containsExactly("/v2/interventions-oi", "/v2/interventions-oi", "/v2/interventions-oi/compte-rendu");
        JsonNode m4 = JsonHttp.parse(atOc02.get(1).body());
        assertThat(m4.get("message").asString()).isEqualTo("M4");
        assertThat(m4.has("dateTestFinFroid")).isTrue();
        JsonNode relayed = JsonHttp.parse(atOc02.get(2).body());
        assertThat(relayed.get("refIntervOI").asString()).isEqualTo(refOi);
        assertThat(relayed.get("lignesImpactees").get(0).get("refPTO").asString()).isEqualTo("FI-1234-5678");
        assertThat(receivedAbout("OC01", refOi)).allMatch(r -> r.path().equals("/v1/intervention_OI"));

        JsonNode view = http.get("/consultation/interventions/" + refOi).json();
        JsonNode stored = view.get("messages").get(2);
        assertThat(stored.get("kind").asString()).isEqualTo("CR");
        assertThat(stored.get("payload").asString()).isEqualTo(report(ref));
        assertThat(view.get("losses").valueStream()
                .filter(loss -> loss.get("oc").asString().equals("OC01") && loss.get("kind").asString().equals("CR")))
                .isNotEmpty().allMatch(loss -> !loss.get("sent").asBoolean());
    }

    @Test
    void aV1DeclarationReachesAV2OcWithItsLosses() {
        String refOi = declare(m1(newRef())).text("Ref_Interv_OI");

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC02", refOi).size() == 1);
        JsonNode m2 = JsonHttp.parse(receivedAbout("OC02", refOi).get(0).body());
        assertThat(m2.get("refPBO").asString()).isEqualTo("PT000123");
        assertThat(m2.get("description").asString()).contains("PT000456");
        JsonNode view = http.get("/consultation/interventions/" + refOi).json();
        assertThat(view.get("protocolVersion").asString()).isEqualTo("v1");
        assertThat(view.get("losses").valueStream().map(loss -> loss.get("oc").asString() + " " + loss.get("value").asString()))
                .contains("OC02 PT000456");
    }

    @Test
    void aV2OcRefusalIsReadAsARejection() {
        OCS.get("OC02").replyWith(request -> new PartnerStub.Reply(400,
                "{\"error\":\"PM_INCONNU\",\"error_description\":\"PM inconnu\"}"));
        String refOi = v2("POST", "/v2/interventions-do", v2m1(newRef())).json().get("refIntervOI").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> "PM_INCONNU".equals(jdbc.sql(
                "select answer_label from delivery_message where subject = :ref and partner = 'OC02'")
                .param("ref", refOi).query(String.class).optional().orElse(null)));
        assertThat(jdbc.sql("select status from delivery_message where subject = :ref and partner = 'OC02'")
                .param("ref", refOi).query(String.class).single()).isEqualTo("REJECTED");
    }
}
