package fr.eintervention.dogateway.linetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * "Tester les lignes" against an OI in v2 (a stub over HTTP): M3TX through the engine, then the
 * OI's M6TX received, kept byte for byte and shown per test in French.
 */
class LineTestTest extends DoGatewayTestSupport {

    private static final String M6TX_PATH = "/v2/interventions-oi/notification-impacte-clients-oi-do";

    @Autowired
    JdbcClient jdbc;

    /** An intervention on OI03 whose M1 the OI acknowledged; its reference. */
    private String acknowledged() {
        OI03.replyWith(request -> request.path().endsWith("/test-intermediaire")
                ? new PartnerStub.Reply(200, "{\"code\":0,\"description\":\"Test "
                        + JsonHttp.parse(request.body()).get("numeroTest").asInt() + " transmis a OC01 OC02\",\"refIntervOI\":\"OI03-"
                        + JsonHttp.parse(request.body()).get("refIntervDO").asString() + "\"}")
                : v2Ok("OI03-" + JsonHttp.parse(request.body()).path("refIntervDO").asString()));
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI03", "pm", "FI-35238-0001",
                "natures", List.of(nature(1, null, "FI-1234-5678")), "start", ago(Duration.ofMinutes(30))));
        awaitStatus(ref, "m1", "ACKNOWLEDGED");
        return ref;
    }

    private JsonHttp oi(String partner) {
        return JsonHttp.at(port).withToken(TestTokens.token(partner, "write:clients"));
    }

    private static String m6tx(String refIntervOi, Integer numeroTest, String oc, boolean withCustomer) {
        String customer = """
                {"refPTO":"FI-1234-5678","refPBO":"PT000123","tube":"3","fibre":"7","nomModulePM":"M2",
                 "positionModulePM":"12","positionCoupleurOC":"4","numeroSerieONT":"ALCL12345678","couleurJarretiere":"rouge",
                 "dateChangementEtat":"2026-11-24T09:05:30+01:00"}""";
        return "{\"message\":\"M6TX\",\"refIntervOI\":\"" + refIntervOi + "\","
                + (numeroTest == null ? "" : "\"numeroTest\":" + numeroTest + ",")
                + "\"codeOCImpacte\":\"" + oc + "\",\"nombreOC\":2,\"multiInterventionOI\":false,\"reparation\":false,"
                + "\"clientHSOC\":[" + (withCustomer ? customer : "") + "],\"ligneClientRetablie\":[]}";
    }

    private JsonNode tests(String ref) {
        return http.get("/interventions/" + ref + "/line-tests").json();
    }

    @Test
    void aTestGoesAsM3txAndTheOcsAnswersShowAsTheyArrive() {
        String ref = acknowledged();
        String refOi = "OI03-" + ref;
        JsonNode asked = post("/interventions/" + ref + "/line-tests", json("numeroTest", 1, "dateTest", ago(Duration.ZERO))).json();
        assertThat(asked.get("offered").asBoolean()).isTrue();
        assertThat(asked.get("nextNumeroTest").asInt()).isEqualTo(2);

        PartnerStub.Received m3tx = await().atMost(AWAIT).until(
                () -> OI03.received("/v2/interventions-do/test-intermediaire").stream()
                        .filter(request -> request.body().contains(ref)).findFirst().orElse(null), request -> request != null);
        JsonNode body = JsonHttp.parse(m3tx.body());
        assertThat(body.get("message").asString()).isEqualTo("M3TX");
        assertThat(body.get("numeroTest").asInt()).isEqualTo(1);
        assertThat(body.get("refIntervOI").asString()).isEqualTo(refOi);
        assertThat(body.get("codeDO").asString()).isEqualTo("DO01");

        JsonNode waiting = await().atMost(AWAIT).until(() -> tests(ref).get("tests").get(0),
                test -> test.get("summary").asString().contains("en attente de OC01, OC02"));
        assertThat(waiting.get("late").asBoolean()).isFalse();

        String m6tx = m6tx(refOi, 1, "OC01", true);
        JsonHttp.Response answer = oi("OI03").post(M6TX_PATH, m6tx);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("code").asInt()).isZero();
        assertThat(answer.json().get("numeroTest").asInt()).isEqualTo(1);
        JsonNode one = tests(ref).get("tests").get(0);
        assertThat(one.get("summary").asString()).isEqualTo("1 client coupé chez OC01 ; en attente de OC02");
        assertThat(one.get("ocs").get(0).get("lines").toString()).contains("OC01 : 1 client coupé",
                "PTO FI-1234-5678 coupé à 09:05:30 — PBO PT000123, tube 3, fibre 7, module M2, position du module 12, "
                        + "position coupleur 4, n° de série ONT ALCL12345678, jarretière rouge");
        // kept byte for byte
        byte[] kept = jdbc.sql("select body from line_test_answer where code_oc = 'OC01' and numero_test = 1 "
                + "and intervention_id = (select id from intervention where ref_interv_do = :ref)").param("ref", ref)
                .query(byte[].class).single();
        assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo(m6tx);

        oi("OI03").post(M6TX_PATH, m6tx(refOi, 1, "OC02", false));
        assertThat(tests(ref).get("tests").get(0).get("summary").asString()).isEqualTo("1 client coupé chez OC01");
    }

    @Test
    void everyOcAnsweringNoneIsAucunClientCoupe() {
        String ref = acknowledged();
        post("/interventions/" + ref + "/line-tests", json("numeroTest", 1, "dateTest", ago(Duration.ZERO)));
        await().atMost(AWAIT).until(() -> tests(ref).get("tests").get(0).get("summary").asString(), s -> s.contains("OC02"));
        oi("OI03").post(M6TX_PATH, m6tx("OI03-" + ref, 1, "OC01", false));
        oi("OI03").post(M6TX_PATH, m6tx("OI03-" + ref, 1, "OC02", false));
        assertThat(tests(ref).get("tests").get(0).get("summary").asString()).isEqualTo("aucun client coupé");
    }

    @Test
    void aTestAskedOfflineIsSentLateAndTheNumbersFollowEachOther() {
        String ref = acknowledged();
        String dateTest = ago(Duration.ofMinutes(5));
        assertThat(post("/interventions/" + ref + "/line-tests", json("numeroTest", 2, "dateTest", dateTest)).status())
                .isEqualTo(409);
        JsonNode asked = post("/interventions/" + ref + "/line-tests", json("numeroTest", 1, "dateTest", dateTest)).json();
        assertThat(asked.get("tests").get(0).get("late").asBoolean()).isTrue();
        // the app sending it again after a lost answer changes nothing
        assertThat(post("/interventions/" + ref + "/line-tests", json("numeroTest", 1, "dateTest", dateTest)).status())
                .isEqualTo(200);
        assertThat(post("/interventions/" + ref + "/line-tests", json("numeroTest", 6, "dateTest", dateTest)).status())
                .isEqualTo(400);
    }

    @Test
    void anOiInV1HasNoLineTests() {
        String ref = created(start(newTechnician()));
        assertThat(tests(ref).get("offered").asBoolean()).isFalse();
        assertThat(post("/interventions/" + ref + "/line-tests", json("numeroTest", 1, "dateTest", ago(Duration.ZERO))).status())
                .isEqualTo(409);
    }

    @Test
    void anM6txIsRefusedWithV2sErrorBody() {
        String ref = acknowledged();
        JsonHttp.Response unknown = oi("OI03").post(M6TX_PATH, m6tx("OI03-NOPE", 1, "OC01", false));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asString()).isEqualTo("REF_INTERV_OI_INCONNUE");
        assertThat(unknown.json().get("error_parameters").toString()).isEqualTo("[\"refIntervOI\"]");

        JsonHttp.Response missing = oi("OI03").post(M6TX_PATH, m6tx("OI03-" + ref, 1, "OC01", false).replace("\"nombreOC\":2,", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asString()).isEqualTo("CHAMPS_NON_RENSEIGNE");

        JsonHttp.Response notJson = oi("OI03").post(M6TX_PATH, "{\"message\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asString()).isEqualTo("MAUVAIS_FORMAT");

        // only the intervention's OI may tell of it
        assertThat(oi("OI01").post(M6TX_PATH, m6tx("OI03-" + ref, 1, "OC01", false)).status()).isEqualTo(403);
        // a technician's token has no write:clients
        assertThat(http.post(M6TX_PATH, m6tx("OI03-" + ref, 1, "OC01", false)).status()).isEqualTo(403);
    }
}
