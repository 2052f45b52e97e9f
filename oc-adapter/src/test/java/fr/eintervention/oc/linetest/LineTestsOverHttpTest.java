package fr.eintervention.oc.linetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/**
 * Line tests at the OC over HTTP with its real database: M4TX answered at once, M5TX sent to the
 * OI (a v2 stub over HTTP) once the outage feed has settled or at the latest after the delay,
 * over each test's window; after the M4 of a v2 OI, the end's M5TX instead of M5.
 */
@TestPropertySource(properties = "eintervention.oc.line-tests.poll-interval=200ms")
class LineTestsOverHttpTest extends OcAdapterTestSupport {

    private static final String START = "2026-11-24T09:00:00+01:00";
    private static final String M4TX = "/v2/interventions-oi/test-intermediaire";

    private static String m4tx(String ref, int numero, String dateTest) {
        return """
                {"message":"M4TX","codeOI":"OI02","refIntervOI":"%s","numeroTest":%d,"dateTest":"%s","natureTest":"PM"}"""
                .formatted(ref, numero, dateTest);
    }

    private void feed(String events) {
        JsonHttp.Response response = http.post("/outages", events);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The M5TXs OI02 received for that reference, in order. */
    private static List<JsonNode> m5txs(String ref) {
        return OI_V2.received(M5TX_PATH).stream().map(PartnerStub.Received::body)
                .filter(body -> body.contains("\"" + ref + "\"")).map(JsonHttp::parse).toList();
    }

    private static void refused(JsonHttp.Response response, String error) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo(error);
    }

    @Test
    void eachTestIsAnsweredOverItsWindowThenTheEndOverTheWholeIntervention() {
        String pm = newPm();
        String ref = newRef();
        acceptedV2("POST", "/v2/interventions-oi", m2v2(ref, pm, START));
        feed("""
                [{"PM":"%s","PTO":"FI-1111-0001","PBO":"PT000123","Tube":"T2","Fibre":"F7","Position_PM_Module_OI":"M3-P12",
                  "nomModulePM":"MOD-3","positionCoupleurOC":"C4","numeroSerieONT":"ONT-77","couleurJarretiere":"rouge",
                  "referencePrestationPrise":"PRE-9","downAt":"2026-11-24T09:05:00+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%s","PTO":"FI-1111-0002","downAt":"2026-11-24T09:06:00+01:00","cause":"DYING_GASP"}]"""
                .formatted(pm, pm));

        JsonHttp.Response answer = acceptedV2("POST", M4TX, m4tx(ref, 1, "2026-11-24T09:10:00+01:00"));
        assertThat(answer.json().get("numeroTest").asInt()).isEqualTo(1);
        assertThat(answer.json().get("refIntervOI").asString()).isEqualTo(ref);
        assertThat(m5txs(ref)).as("the feed has not settled past the test's time yet").isEmpty();

        // an event dated after the test: the feed has settled, the answer goes
        feed("[{\"PM\":\"%s\",\"PTO\":\"FI-1111-0003\",\"downAt\":\"2026-11-24T09:11:00+01:00\"}]".formatted(newPm()));
        await().atMost(Duration.ofSeconds(20)).until(() -> m5txs(ref).size() == 1);
        JsonNode first = m5txs(ref).get(0);
        assertThat(first.get("message").asString()).isEqualTo("M5TX");
        assertThat(first.get("codeOcImpacte").asString()).isEqualTo("OC07");
        assertThat(first.get("numeroTest").asInt()).isEqualTo(1);
        assertThat(first.get("testCloture").asBoolean()).isFalse();
        assertThat(first.get("clientHSOC")).hasSize(1);
        JsonNode down = first.get("clientHSOC").get(0);
        assertThat(down.get("refPTO").asString()).isEqualTo("FI-1111-0001");
        assertThat(down.get("nomModulePM").asString()).isEqualTo("MOD-3");
        assertThat(down.get("positionModulePM").asString()).isEqualTo("M3-P12");
        assertThat(down.get("positionCoupleurOC").asString()).isEqualTo("C4");
        assertThat(down.get("numeroSerieONT").asString()).isEqualTo("ONT-77");
        assertThat(down.get("couleurJarretiere").asString()).isEqualTo("rouge");
        assertThat(down.get("referencePrestationPrise").asString()).isEqualTo("PRE-9");
        assertThat(down.get("dateChangementEtat").asString()).isEqualTo("2026-11-24T09:05:00+01:00");
        assertThat(first.get("ligneClientRetablie")).isEmpty();

        // the line comes back; a quiet feed: the second test is answered at the latest after the delay
        feed("""
                [{"PM":"%s","PTO":"FI-1111-0001","downAt":"2026-11-24T09:05:00+01:00","upAt":"2026-11-24T09:15:00+01:00"}]"""
                .formatted(pm));
        acceptedV2("POST", M4TX, m4tx(ref, 2, "2026-11-24T09:20:00+01:00"));
        acceptedV2("POST", M4TX, m4tx(ref, 2, "2026-11-24T09:20:00+01:00"));
        clock.advance(Duration.ofMinutes(3));
        await().atMost(Duration.ofSeconds(20)).until(() -> m5txs(ref).size() == 2);
        JsonNode second = m5txs(ref).get(1);
        assertThat(second.get("numeroTest").asInt()).isEqualTo(2);
        assertThat(second.get("clientHSOC")).as("down in test 1's window, told there only").isEmpty();
        assertThat(second.get("ligneClientRetablie")).hasSize(1);
        JsonNode restored = second.get("ligneClientRetablie").get(0);
        assertThat(restored.get("refPTO").asString()).isEqualTo("FI-1111-0001");
        assertThat(restored.get("nomModulePm").asString()).isEqualTo("MOD-3");
        assertThat(restored.get("dateChangementEtat").asString()).isEqualTo("2026-11-24T09:15:00+01:00");

        // the end: OI02 speaks v2, so the end's M5TX after the settling delay, never an M5
        acceptedV2("PUT", "/v2/interventions-oi", m4v2(ref, pm, START, "2026-11-24T09:30:00+01:00"));
        clock.advance(Duration.ofMinutes(16));
        await().atMost(Duration.ofSeconds(20)).until(() -> m5txs(ref).size() == 3);
        JsonNode end = m5txs(ref).get(2);
        assertThat(end.get("testCloture").asBoolean()).isTrue();
        assertThat(end.has("numeroTest")).isFalse();
        assertThat(end.get("clientHSOC").get(0).get("refPTO").asString()).isEqualTo("FI-1111-0001");
        assertThat(end.get("ligneClientRetablie").get(0).get("refPTO").asString()).isEqualTo("FI-1111-0001");
        assertThat(OI_V2.received("/v1/client_HS_OC_Par_Inter")).noneMatch(request -> request.body().contains(ref));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(jdbc.sql(
                "select m5_outcome from intervention_window where ref_interv_oi = :ref").param("ref", ref)
                .query(String.class).optional().orElse(null)));
    }

    @Test
    void anM4txTheOcCannotPlaceIsRefusedWithV2sLabels() {
        String pm = newPm();
        String ref = newRef();
        acceptedV2("POST", "/v2/interventions-oi", m2v2(ref, pm, START));

        refused(sendV2("POST", M4TX, m4tx(newRef(), 1, "2026-11-24T09:10:00+01:00")), "REF_INTERV_OI_INCONNUE");
        refused(sendV2("POST", M4TX, m4tx(ref, 1, "2026-11-24T08:10:00+01:00")), "INCOHERENCE");
        refused(sendV2("POST", M4TX, m4tx(ref, 6, "2026-11-24T09:10:00+01:00")), "MAUVAIS_FORMAT");
        refused(sendV2("POST", M4TX, "{\"codeOI\":\"OI02\",\"refIntervOI\":\"" + ref + "\"}"), "CHAMPS_NON_RENSEIGNE");
        refused(asOi("OI09").post(M4TX, m4tx(ref, 1, "2026-11-24T09:10:00+01:00").replace("OI02", "OI09")),
                "CODE_OI_INCONNU");
        assertThat(oi01.post(M4TX, m4tx(ref, 1, "2026-11-24T09:10:00+01:00")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from line_test t join intervention_window w on w.id = t.window_id "
                + "where w.ref_interv_oi = :ref").param("ref", ref).query(Long.class).single()).isZero();
    }
}
