package fr.eintervention.dogateway.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/**
 * An OI that speaks v2 (OI03, a stub over HTTP): M1 and M3 go in v2 through the same engine, its
 * v2 answers are read, the natures are v2's, and the repair report follows the end.
 */
class V2DeclarationTest extends DoGatewayTestSupport {

    private String v2Start(String technician, int nature) {
        return json("technicianId", technician, "codeOi", "OI03", "pm", "FI-35238-0001",
                "natures", List.of(nature(nature, "PT000123", "FI-1234-5678")), "start", ago(Duration.ofHours(1)));
    }

    private static List<PartnerStub.Received> v2Received(String ref) {
        return OI03.received().stream().filter(request -> request.body().contains(ref)).toList();
    }

    @Test
    void m1AndM3GoInV2AndTheOisV2AnswerIsRead() {
        String ref = created(v2Start(newTechnician(), 20));
        awaitStatus(ref, "m1", "ACKNOWLEDGED");
        assertThat(post("/interventions/" + ref + "/end", json("end", ago(Duration.ofMinutes(1)),
                "natures", List.of(nature(41, "PT000123", "FI-1234-5678")))).status()).isEqualTo(200);
        JsonNode view = awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(view.get("refIntervOi").asString()).startsWith("OI03-");

        List<PartnerStub.Received> sent = v2Received(ref);
        assertThat(sent).extracting(PartnerStub.Received::method).containsExactly("POST", "PUT");
        assertThat(sent).extracting(PartnerStub.Received::path).containsOnly("/v2/interventions-do");
        JsonNode m1 = JsonHttp.parse(sent.get(0).body());
        assertThat(m1.get("message").asString()).isEqualTo("M1");
        assertThat(m1.get("codeDO").asString()).isEqualTo("DO01");
        assertThat(m1.get("nature").asString()).isEqualTo("20");
        assertThat(m1.get("elementReseau").asString()).isEqualTo("PTO");
        assertThat(m1.get("pointMutualisation").get("refPM").asString()).isEqualTo("FI-35238-0001");
        assertThat(m1.has("dateFinIntervention")).isFalse();
        JsonNode m3 = JsonHttp.parse(sent.get(1).body());
        assertThat(m3.get("message").asString()).isEqualTo("M3");
        assertThat(m3.get("nature").asString()).isEqualTo("41");
        assertThat(m3.has("dateFinIntervention")).isTrue();
    }

    @Test
    void aV2RefusalIsRecordedWithItsLabel() {
        OI03.replyWith(request -> new PartnerStub.Reply(400,
                "{\"error\":\"PM_INCONNU\",\"error_description\":\"pointMutualisation.refPM : PM inconnu\","
                        + "\"error_parameters\":[\"pointMutualisation.refPM\"]}"));
        String ref = created(v2Start(newTechnician(), 1));
        JsonNode view = awaitStatus(ref, "m1", "REJECTED");
        assertThat(view.get("m1").get("answer").get("label").asString()).isEqualTo("PM_INCONNU");
        assertThat(view.get("m1").get("answer").get("description").asString()).contains("PM inconnu");
    }

    @Test
    void theNaturesAreTheOisVersions() {
        // AUCUNE ACTION (3) is v1's only; 20 is v2's only
        assertThat(errors(post("/interventions", v2Start(newTechnician(), 3))))
                .singleElement().asString().startsWith("natures[0].nature: one of v2's natures expected");
        assertThat(fields(post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "natures", List.of(nature(20, null, null)), "start", ago(Duration.ofHours(1))))))
                .containsExactly("natures[0].nature");
        // v2 has one nature, one PBO and one PTO per intervention
        assertThat(fields(post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI03",
                "pm", "FI-35238-0001", "natures", List.of(nature(1, "PT1", null), nature(2, "PT2", null)),
                "start", ago(Duration.ofHours(1)))))).containsExactly("natures");
        // not told: v2's NON FOURNIE (6), the network element the PM
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI03", "pm", "FI-35238-0001",
                "start", ago(Duration.ofHours(1))));
        awaitStatus(ref, "m1", "ACKNOWLEDGED");
        JsonNode m1 = JsonHttp.parse(v2Received(ref).get(0).body());
        assertThat(m1.get("nature").asString()).isEqualTo("6");
        assertThat(m1.get("elementReseau").asString()).isEqualTo("PM");
    }

    @Test
    void theFieldApiTellsEachOisVersionAndNatures() {
        JsonNode ois = http.get("/ois/versions").json();
        assertThat(ois.toString()).contains("\"codeOi\":\"OI02\",\"protocolVersion\":\"v1\"",
                "\"codeOi\":\"OI03\",\"protocolVersion\":\"v2\"");
        JsonNode oi03 = http.get("/ois/OI03").json();
        assertThat(oi03.get("natures")).hasSize(11);
        assertThat(oi03.get("natures").get(0).get("label").asString()).isEqualTo("RACC PTO a construire");
        assertThat(oi03.get("repairReport").asBoolean()).isTrue();
        assertThat(http.get("/ois/OI02").json().get("natures")).hasSize(4);
        assertThat(http.get("/ois/OI99").status()).isEqualTo(404);
    }

    @Test
    void theRepairReportFollowsTheEndWhereTheOiSpeaksV2() {
        String ref = created(v2Start(newTechnician(), 1));
        String report = json("linesImpacted", List.of(java.util.Map.of("pto", "FI-1234-5678")),
                "linesRestored", List.of(java.util.Map.of("pto", "FI-1234-5678", "ontSerial", "ALCL12345678")));
        assertThat(post("/interventions/" + ref + "/report", report).status()).isEqualTo(409); // not ended
        post("/interventions/" + ref + "/end", json("end", ago(Duration.ofMinutes(1))));
        JsonNode queued = post("/interventions/" + ref + "/report", report).json();
        assertThat(queued.get("report").get("linesRestored").get(0).get("ontSerial").asString()).isEqualTo("ALCL12345678");
        await().atMost(AWAIT).until(() -> intervention(ref).get("report").get("status").asString().equals("ACKNOWLEDGED"));
        List<PartnerStub.Received> sent = v2Received(ref);
        assertThat(sent).extracting(PartnerStub.Received::path)
                .containsExactly("/v2/interventions-do", "/v2/interventions-do", "/v2/interventions-do/compte-rendu");
        JsonNode cr = JsonHttp.parse(sent.get(2).body());
        assertThat(cr.get("message").asString()).isEqualTo("CR");
        assertThat(cr.get("lignesImpactees").get(0).get("refPTO").asString()).isEqualTo("FI-1234-5678");
        assertThat(cr.get("refIntervOI").asString()).startsWith("OI03-");
        // the same report again changes nothing; another one is refused
        assertThat(post("/interventions/" + ref + "/report", report).status()).isEqualTo(200);
        assertThat(post("/interventions/" + ref + "/report", json("linesImpacted", List.of())).status()).isEqualTo(409);
        // a line named by nothing is refused, as the OI would
        String other = created(v2Start(newTechnician(), 1));
        post("/interventions/" + other + "/end", json("end", ago(Duration.ofMinutes(1))));
        assertThat(fields(post("/interventions/" + other + "/report",
                json("linesImpacted", List.of(java.util.Map.of())))).get(0)).startsWith("linesImpacted[0]");
    }

    @Test
    void anOiInV1HasNoRepairReport() {
        String ref = created(start(newTechnician()));
        post("/interventions/" + ref + "/end", json("end", ago(Duration.ofMinutes(1))));
        assertThat(post("/interventions/" + ref + "/report", json("linesImpacted", List.of())).status()).isEqualTo(409);
    }
}
