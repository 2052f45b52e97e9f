package fr.eintervention.oi.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.eintervention.oi.V2Bodies;
import fr.eintervention.oi.retention.RetentionPurge;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/**
 * Line tests at the OI over HTTP: M3TX relayed as M4TX to the v2 OC present only, its M5TX kept and
 * relayed to the DO as M6TX, the series' order and pace refused with their labels, and a DO that
 * cannot receive M6TX refused.
 */
class LineTestsTest extends V2TestSupport {

    private static final PartnerStub DO = PartnerStub.start();

    @Autowired
    RetentionPurge purge;

    @BeforeEach
    void doSpeaksV2() {
        DO.clear();
        DO.replyWith(request -> new PartnerStub.Reply(200, "{\"code\":0}"));
        saveDo("v2", DO.baseUrl());
    }

    @AfterEach
    void doBackToV1() {
        saveDo("v1", null);
    }

    private void saveDo(String version, String baseUrl) {
        JsonHttp.Response response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/admin/referential/partners/DO01"))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"DO01\",\"baseUrl\":" + (baseUrl == null ? "null" : "\"" + baseUrl + "\"")
                                + ",\"flux3\":false,\"actsAsDo\":true,\"protocolVersion\":\"" + version + "\"}")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aTestReachesTheV2OcAndItsAnswerReachesTheDo() {
        String ref = newRef();
        String refOi = v2("POST", "/v2/interventions-do", v2m1(ref)).json().get("refIntervOI").asString();
        JsonHttp.Response asked = v2("POST", "/v2/interventions-do/test-intermediaire", V2Bodies.m3tx(ref, refOi, 1));

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("code").asInt()).isZero();
        assertThat(asked.json().get("numeroTest").asInt()).isOne();
        assertThat(asked.json().get("description").asString()).contains("OC02").contains("OC01");
        await().atMost(Duration.ofSeconds(20)).until(() -> OCS.get("OC02").received("/v2/interventions-oi/test-intermediaire")
                .stream().anyMatch(r -> r.body().contains(refOi)));
        assertThat(OCS.get("OC01").received().stream().filter(r -> r.body().contains(refOi))
                .noneMatch(r -> r.path().contains("test-intermediaire"))).isTrue();

        // the next test waits for OC02's answer
        JsonHttp.Response tooSoon = v2("POST", "/v2/interventions-do/test-intermediaire",
                V2Bodies.m3tx(ref, refOi, 2, "2026-11-24T10:30:00Z"));
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.json().get("error").asString()).isEqualTo("TEST_PRECEDENT_NON_ACQUITTE");

        JsonHttp.Response answered = asOc("OC02").post("/v2/interventions-oi/notification-impacte-clients-oc",
                V2Bodies.m5tx(refOi, "OC02", 1));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("code").asInt()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !DO.received("/v2/interventions-oi/notification-impacte-clients-oi-do").isEmpty());
        JsonNode m6tx = JsonHttp.parse(DO.received("/v2/interventions-oi/notification-impacte-clients-oi-do").get(0).body());
        assertThat(m6tx.get("codeOCImpacte").asString()).isEqualTo("OC02");
        assertThat(m6tx.get("numeroTest").asInt()).isOne();
        assertThat(m6tx.get("nombreOC").asInt()).isOne();
        assertThat(m6tx.get("clientHSOC").get(0).get("refPTO").asString()).isEqualTo("FI-1234-5678");
        assertThat(jdbc.sql("select payload from line_test_message where kind = 'M5TX' and payload like :ref")
                .param("ref", "%" + refOi + "%").query(String.class).single()).isEqualTo(V2Bodies.m5tx(refOi, "OC02", 1));

        // answered again: OK, nothing more sent; the same test again: already asked
        assertThat(asOc("OC02").post("/v2/interventions-oi/notification-impacte-clients-oc", V2Bodies.m5tx(refOi, "OC02", 1))
                .status()).isEqualTo(200);
        JsonHttp.Response again = v2("POST", "/v2/interventions-do/test-intermediaire",
                V2Bodies.m3tx(ref, refOi, 1, "2026-11-24T10:05:00Z"));
        assertThat(again.json().get("error").asString()).isEqualTo("TEST_PRECEDENT_DEJA_EMIS");
        // an answer to a test never asked
        JsonHttp.Response notAsked = asOc("OC02").post("/v2/interventions-oi/notification-impacte-clients-oc",
                V2Bodies.m5tx(refOi, "OC02", 3));
        assertThat(notAsked.json().get("error").asString()).isEqualTo("ERREUR_ITERATION");
    }

    @Test
    void anOcThatRefusesATestIsNotTestedAndTheTestIsAcknowledgedWithoutAnM6tx() {
        OCS.get("OC02").replyWith(request -> request.path().endsWith("/test-intermediaire")
                ? new PartnerStub.Reply(400, "{\"error\":\"TEST_NON_REALISE\",\"error_description\":\"pas de supervision\"}")
                : new PartnerStub.Reply(200, "{\"code\":0,\"refIntervOI\":\"x\"}"));
        String ref = newRef();
        String refOi = v2("POST", "/v2/interventions-do", v2m1(ref)).json().get("refIntervOI").asString();
        assertThat(v2("POST", "/v2/interventions-do/test-intermediaire", V2Bodies.m3tx(ref, refOi, 1)).status()).isEqualTo(200);

        // OC02 refused its M4TX: given up for test 1 (decision 0035), so the next test may go
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select s.waiting = 0 and s.recorded::text like '%GIVEN_UP_REFUSED%' from line_test_series s
                join intervention i on i.id = s.intervention_id where i.ref_interv_oi = :ref""")
                .param("ref", refOi).query(Boolean.class).optional().orElse(false));
        JsonHttp.Response next = v2("POST", "/v2/interventions-do/test-intermediaire",
                V2Bodies.m3tx(ref, refOi, 2, "2026-11-24T10:02:00Z"));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().get("code").asInt()).isZero();
        // a late answer to the refused test is not one the OI awaits; and the DO never got an M6TX for OC02
        assertThat(asOc("OC02").post("/v2/interventions-oi/notification-impacte-clients-oc", V2Bodies.m5tx(refOi, "OC02", 1))
                .json().get("error").asString()).isEqualTo("ERREUR_ITERATION");
        assertThat(jdbc.sql("select count(*) from delivery_message where kind = 'M6TX' and subject like :ref")
                .param("ref", refOi + "/%").query(Long.class).single()).isZero();
    }

    @Test
    void theM6txAreAmongTheInterventionsDeliveriesAndGoWithItsRetention() {
        String ref = newRef();
        String refOi = v2("POST", "/v2/interventions-do", v2m1(ref)).json().get("refIntervOI").asString();
        v2("POST", "/v2/interventions-do/test-intermediaire", V2Bodies.m3tx(ref, refOi, 1));
        asOc("OC02").post("/v2/interventions-oi/notification-impacte-clients-oc", V2Bodies.m5tx(refOi, "OC02", 1));

        // the consultation API tells each M6TX with where its delivery stands (the console: ConsoleBrowserTest)
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode toDo = http.get("/consultation/interventions/" + refOi).json().get("toDo");
            return toDo.size() == 1 && "DELIVERED".equals(toDo.get(0).get("delivery").get("status").asString());
        });
        JsonNode m6tx = http.get("/consultation/interventions/" + refOi).json().get("toDo").get(0);
        assertThat(m6tx.get("oc").asString()).isEqualTo("OC02");
        assertThat(m6tx.get("numeroTest").asInt()).isOne();

        // once the intervention is older than the retention, its line tests and M6TX go with it
        jdbc.sql("update intervention set debut_inter = debut_inter - interval '2000 days' where ref_interv_oi = :ref")
                .param("ref", refOi).update();
        jdbc.sql("update delivery_message set created_at = created_at - interval '2000 days' where subject = :ref or subject like :parts")
                .param("ref", refOi).param("parts", refOi + "/%").update();
        purge.purge();
        assertThat(jdbc.sql("select count(*) from delivery_message where subject = :ref or subject like :parts")
                .param("ref", refOi).param("parts", refOi + "/%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from line_test_message m left join intervention i on i.id = m.intervention_id "
                + "where i.id is null or i.ref_interv_oi = :ref").param("ref", refOi).query(Long.class).single()).isZero();
    }

    @Test
    void aDoThatCannotReceiveM6txIsRefused() {
        saveDo("v1", null);
        String ref = newRef();
        String refOi = v2("POST", "/v2/interventions-do", v2m1(ref)).json().get("refIntervOI").asString();
        JsonHttp.Response refused = v2("POST", "/v2/interventions-do/test-intermediaire", V2Bodies.m3tx(ref, refOi, 1));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("INCOHERENCE");
        assertThat(refused.json().get("error_parameters").valueStream().map(JsonNode::asString).toList()).isEqualTo(List.of("codeDO"));
    }

    @Test
    void anUnknownInterventionIsRefused() {
        JsonHttp.Response refused = v2("POST", "/v2/interventions-do/test-intermediaire", V2Bodies.m3tx(newRef(), "OI01-X", 1));
        assertThat(refused.json().get("error").asString()).isEqualTo("REF_INTERV_INCONNUE");
        JsonHttp.Response unknown = asOc("OC02").post("/v2/interventions-oi/notification-impacte-clients-oc",
                V2Bodies.m5tx("OI01-UNKNOWN", "OC02", 1));
        assertThat(unknown.json().get("error").asString()).isEqualTo("REF_INTERV_OI_INCONNUE");
    }
}
