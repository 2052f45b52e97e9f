package fr.eintervention.oc.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/**
 * M5 end to end: M2/M4 posted to the adapter, outages fed to it, the clock moved; the M5 the
 * adapter sends reaches the OI (a stub over real HTTP) through the delivery engine.
 */
class M5SendingTest extends OcAdapterTestSupport {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Autowired
    private M5Dispatcher dispatcher;

    private void outages(String json) {
        JsonHttp.Response response = http.post("/outages", json);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static List<JsonNode> m5sReceived(String ref) {
        return OI.received(M5_PATH).stream().map(request -> JsonHttp.parse(request.body()))
                .filter(body -> ref.equals(body.get("Ref_Interv_OI").asString()))
                .toList();
    }

    /** The last M5 the OI received for that reference, once it has received {@code count}. */
    private static JsonNode awaitM5(String ref, int count) {
        List<JsonNode> received = await().atMost(DELIVERY).until(() -> m5sReceived(ref), list -> list.size() >= count);
        return received.get(received.size() - 1);
    }

    /** The M5 queued for that reference so far: none before it is due. */
    private long m5sQueued(String ref) {
        return jdbc.sql("select count(*) from delivery_message where kind = 'M5' and subject = :ref")
                .param("ref", ref).query(Long.class).single();
    }

    /** The claims of the bearer token the OI received with the M5 of that reference. */
    private static JsonNode tokenReceivedWith(String ref) {
        PartnerStub.Received request = OI.received(M5_PATH).stream()
                .filter(received -> received.body().contains("\"" + ref + "\"")).findFirst().orElseThrow();
        String authorization = request.header("Authorization");
        assertThat(authorization).as("the M5 carries a bearer token").startsWith("Bearer ");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return JsonHttp.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static List<String> ptos(JsonNode m5) {
        List<String> ptos = new ArrayList<>();
        m5.get("Liste_Clients_HS").forEach(client -> ptos.add(client.get("PTO").asString()));
        return ptos;
    }

    private static JsonNode client(JsonNode m5, String pto) {
        for (JsonNode client : m5.get("Liste_Clients_HS")) {
            if (client.get("PTO").asString().equals(pto)) {
                return client;
            }
        }
        throw new AssertionError("no " + pto + " in " + m5);
    }

    private JsonNode m5State(String pm) {
        JsonHttp.Response response = http.get("/interventions?pm=" + pm + "&from=2026-11-01&to=2026-12-01");
        return response.json().get("items").get(0).get("m5");
    }

    @Test
    void sendsTheCustomersDownDuringTheInterventionToTheOi() {
        clock.set("2026-11-24T11:00:00+01:00");
        String pm = newPm();
        String ref = newRef();
        outages("""
                [{"PM":"%1$s","PTO":"AT-DEBUT","PBO":"PT000123","Tube":"T2","Fibre":"F7","Position_PM_Module_OI":"M3-P12",
                  "downAt":"2026-11-24T09:00:00+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"TWICE","downAt":"2026-11-24T09:30:00+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"TWICE","downAt":"2026-11-24T10:30:00+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"OWN-OTHER-TIME","downAt":"2026-11-24T10:15:00+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"UNKNOWN-CAUSE","downAt":"2026-11-24T10:45:00+01:00"},
                 {"PM":"%1$s","PTO":"AT-FIN","downAt":"2026-11-24T11:00:00+01:00","upAt":"2026-11-24T11:10:00+01:00",
                  "cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"BEFORE","downAt":"2026-11-24T08:59:59+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"AFTER","downAt":"2026-11-24T11:00:01+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"GASP","downAt":"2026-11-24T10:00:00+01:00","cause":"DYING_GASP"},
                 {"PM":"%1$s","downAt":"2026-11-24T10:00:00+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"NO-TIME","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"OWN","downAt":"2026-11-24T10:00:00+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"TERMINATED","downAt":"2026-11-24T10:00:00+01:00","cause":"LOSS_OF_SIGNAL","terminated":true},
                 {"PM":"ANOTHER-PM","PTO":"ELSEWHERE","downAt":"2026-11-24T10:00:00+01:00","cause":"LOSS_OF_SIGNAL"}]
                """.formatted(pm));
        http.post("/own-interventions", """
                {"pm":"%s","pto":"OWN","from":"2026-11-24T09:30:00+01:00","to":"2026-11-24T10:30:00+01:00"}""".formatted(pm));
        http.post("/own-interventions", """
                {"pm":"%s","pto":"OWN-OTHER-TIME","from":"2026-11-24T12:00:00+01:00"}""".formatted(pm));
        accepted(m2(ref, pm, "2026-11-24T09:00:00+01:00"));
        accepted(m4(ref, pm, "2026-11-24T09:00:00+01:00", "2026-11-24T11:00:00+01:00"));

        clock.set("2026-11-24T11:15:00+01:00");
        JsonNode m5 = awaitM5(ref, 1);

        assertThat(m5.get("Code_OC_impacte").asString()).isEqualTo("OC07");
        assertThat(m5.get("Ref_Interv_OI").asString()).isEqualTo(ref);
        assertThat(ptos(m5)).containsExactly("AT-DEBUT", "TWICE", "OWN-OTHER-TIME", "UNKNOWN-CAUSE", "AT-FIN");
        JsonNode full = client(m5, "AT-DEBUT");
        assertThat(full.get("PBO").asString()).isEqualTo("PT000123");
        assertThat(full.get("Tube").asString()).isEqualTo("T2");
        assertThat(full.get("Fibre").asString()).isEqualTo("F7");
        assertThat(full.get("Position_PM_Module_OI").asString()).isEqualTo("M3-P12");
        assertThat(full.get("HMS_Coupure").asString()).as("with the explicit Paris offset")
                .isEqualTo("2026-11-24T09:00:00+01:00");
        assertThat(client(m5, "TWICE").get("HMS_Coupure").asString()).as("its first outage").startsWith("2026-11-24T09:30");
        JsonNode unknown = client(m5, "AT-FIN");
        for (String field : List.of("PBO", "Tube", "Fibre", "Position_PM_Module_OI")) {
            assertThat(unknown.get(field).asString()).as(field).isEqualTo("inconnu");
        }
        JsonNode token = tokenReceivedWith(ref);
        assertThat(token.get("partner").asString()).as("obtained by client credentials as the OC").isEqualTo("OC07");
        assertThat(token.get("scope").asString()).isEqualTo("write:clients");
        assertThat(m5State(pm).get("lastCustomers").asInt()).isEqualTo(5);
        assertThat(m5State(pm).get("sent").asInt()).isEqualTo(1);
        assertThat(m5State(pm).has("dueAt")).isFalse();
    }

    @Test
    void theM5ContinuesTheTraceOfTheM4ItFollows() {
        clock.set("2026-11-24T12:00:00+01:00");
        String pm = newPm();
        String ref = newRef();
        String traceId = HexFormat.of().formatHex(UUID.randomUUID().toString().replace("-", "")
                .substring(0, 16).getBytes(StandardCharsets.US_ASCII));
        JsonHttp.Response m4 = oi01.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/intervention_OI"))
                .header("Content-Type", "application/json").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(
                        m4(ref, pm, "2026-11-24T11:00:00+01:00", "2026-11-24T11:30:00+01:00"))));
        assertThat(m4.status()).as(m4.body()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(15));
        awaitM5(ref, 1);

        PartnerStub.Received m5 = OI.received(M5_PATH).stream()
                .filter(received -> received.body().contains("\"" + ref + "\"")).findFirst().orElseThrow();
        assertThat(m5.header("traceparent")).as("the M5 is sent in the M4's trace").startsWith("00-" + traceId + "-");
    }

    @Test
    void anM5WithoutCustomersHasNoListAtAll() {
        clock.set("2026-11-24T12:00:00+01:00");
        String pm = newPm();
        String ref = newRef();
        accepted(m4(ref, pm, "2026-11-24T11:00:00+01:00", "2026-11-24T11:30:00+01:00"));

        clock.advance(Duration.ofMinutes(15));
        awaitM5(ref, 1);

        String body = OI.received(M5_PATH).stream().map(request -> request.body())
                .filter(text -> text.contains(ref)).findFirst().orElseThrow();
        assertThat(body).doesNotContain("Liste_Clients_HS").doesNotContain("null");
        assertThat(JsonHttp.parse(body).propertyNames()).containsExactlyInAnyOrder("Code_OC_impacte", "Ref_Interv_OI");
    }

    @Test
    void waitsTheSettlingDelaySoThatLateAlarmsAreCounted() {
        clock.set("2026-11-24T10:00:00+01:00");
        String pm = newPm();
        String ref = newRef();
        accepted(m4(ref, pm, "2026-11-24T09:00:00+01:00", "2026-11-24T09:45:00+01:00"));
        // an alarm of the intervention's last minutes, reported after the M4
        clock.set("2026-11-24T10:05:00+01:00");
        outages("""
                [{"PM":"%s","PTO":"LATE-ALARM","downAt":"2026-11-24T09:44:00+01:00","cause":"LOSS_OF_SIGNAL"}]""".formatted(pm));

        clock.set("2026-11-24T10:14:59+01:00");
        dispatcher.sendDue();
        assertThat(m5sQueued(ref)).as("not before the settling delay").isZero();

        clock.set("2026-11-24T10:15:00+01:00");
        assertThat(ptos(awaitM5(ref, 1))).containsExactly("LATE-ALARM");
    }

    @Test
    void isSentBeforeMidnightOfTheEndDay() {
        clock.set("2026-11-24T23:50:00+01:00");
        String pm = newPm();
        String ref = newRef();
        accepted(m4(ref, pm, "2026-11-24T22:00:00+01:00", "2026-11-24T23:40:00+01:00"));

        clock.set("2026-11-24T23:54:59+01:00");
        dispatcher.sendDue();
        assertThat(m5sQueued(ref)).isZero();

        // the settling delay would end at 00:05: the deadline, 23:55, comes first
        clock.set("2026-11-24T23:55:00+01:00");
        awaitM5(ref, 1);
        assertThat(OffsetDateTime.parse(m5State(pm).get("lastQueuedAt").asString()))
                .isBefore(OffsetDateTime.parse("2026-11-25T00:00:00+01:00"));
    }

    @Test
    void anM4ReceivedAfterItsMidnightGetsItsM5AtOnce() {
        clock.set("2026-11-25T08:00:00+01:00");
        String pm = newPm();
        String ref = newRef();

        accepted(m4(ref, pm, "2026-11-24T18:00:00+01:00", "2026-11-24T19:00:00+01:00"));

        awaitM5(ref, 1);
    }

    @Test
    void aCorrectedM4BeforeTheM5JustMovesTheWindow() {
        String pm = newPm();
        String ref = newRef();
        twoCutsAndAnM4EndingBetweenThem(pm, ref);

        clock.set("2026-11-24T10:05:00+01:00");
        accepted(m4(ref, pm, "2026-11-24T09:00:00+01:00", "2026-11-24T10:00:00+01:00"));
        clock.set("2026-11-24T10:20:00+01:00");

        assertThat(ptos(awaitM5(ref, 1))).containsExactly("FI-A", "FI-B");
        dispatcher.sendDue();
        assertThat(m5sQueued(ref)).isEqualTo(1);
    }

    @Test
    void aCorrectedM4AfterTheM5CallsForACorrectedM5() {
        String pm = newPm();
        String ref = newRef();
        twoCutsAndAnM4EndingBetweenThem(pm, ref);
        clock.set("2026-11-24T10:15:00+01:00");
        assertThat(ptos(awaitM5(ref, 1))).containsExactly("FI-A");

        clock.set("2026-11-24T10:20:00+01:00");
        accepted(m4(ref, pm, "2026-11-24T09:00:00+01:00", "2026-11-24T10:00:00+01:00"));
        clock.set("2026-11-24T10:35:00+01:00");

        assertThat(ptos(awaitM5(ref, 2))).containsExactly("FI-A", "FI-B");
        assertThat(m5State(pm).get("sent").asInt()).isEqualTo(2);
    }

    @Test
    void anM5TheOiRefusesEndsRejectedAndAnOperatorReSendsItRecomputed() {
        clock.set("2026-11-24T10:00:00+01:00");
        String pm = newPm();
        String ref = "NEVER-" + newRef();
        accepted(m4(ref, pm, "2026-11-24T09:00:00+01:00", "2026-11-24T09:30:00+01:00"));

        clock.set("2026-11-24T10:15:00+01:00");

        JsonNode message = await().atMost(DELIVERY).until(() -> http.get("/admin/deliveries?subject=" + ref).json()
                .get("items").get(0), item -> item != null && "REJECTED".equals(item.get("status").asString()));
        assertThat(message.get("kind").asString()).isEqualTo("M5");
        assertThat(message.get("partner").asString()).isEqualTo("OI01");
        assertThat(message.get("answerLabel").asString()).isEqualTo("REF_INTERV_OI_INCONNUE");
        assertThat(message.get("lastHttpStatus").asInt()).isEqualTo(404);
        await().atMost(DELIVERY).until(() -> m5State(pm).path("outcome").asString(""), "REJECTED"::equals);
        assertThat(m5State(pm).get("answer").asString()).isEqualTo("REF_INTERV_OI_INCONNUE");
        assertThat(m5sReceived(ref)).as("a functional refusal is not retried").hasSize(1);

        // an alarm learnt since; the operator re-sends: the M5 is computed again
        outages("""
                [{"PM":"%s","PTO":"FI-LATE","downAt":"2026-11-24T09:20:00+01:00","cause":"LOSS_OF_SIGNAL"}]""".formatted(pm));
        JsonHttp.Response resent = http.post("/admin/deliveries/" + message.get("id").asLong() + "/resend", "");
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);

        assertThat(ptos(awaitM5(ref, 2))).containsExactly("FI-LATE");
    }

    /** At 10:00, FI-A cut at 09:10 (inside the window) and FI-B at 09:50 (after it), then an M4 for 09:00-09:30. */
    private void twoCutsAndAnM4EndingBetweenThem(String pm, String ref) {
        clock.set("2026-11-24T10:00:00+01:00");
        outages("""
                [{"PM":"%1$s","PTO":"FI-A","downAt":"2026-11-24T09:10:00+01:00","cause":"LOSS_OF_SIGNAL"},
                 {"PM":"%1$s","PTO":"FI-B","downAt":"2026-11-24T09:50:00+01:00","cause":"LOSS_OF_SIGNAL"}]""".formatted(pm));
        accepted(m4(ref, pm, "2026-11-24T09:00:00+01:00", "2026-11-24T09:30:00+01:00"));
    }
}
