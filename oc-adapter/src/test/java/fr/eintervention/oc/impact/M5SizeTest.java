package fr.eintervention.oc.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * An M5 larger than the OI takes is never built nor queued: the intervention's M5 is FAILED with
 * its reason. A value the protocol cannot carry is refused by the feed, and one bad customer
 * already stored never costs the M5 of the others. The M5 limit is tiny here (3KB: about 18
 * customers) so that a few outages exceed it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eintervention.oc.code=OC07",
        "eintervention.security.rate-limit.requests-per-second=0",
        "eintervention.oc.flux3.enabled=true",
        "eintervention.oc.flux3.settling-delay=15m",
        "eintervention.oc.flux3.deadline-margin=5m",
        "eintervention.oc.flux3.poll-interval=200ms",
        "eintervention.oc.flux3.max-m5-size=3KB"})
class M5SizeTest extends OcAdapterTestSupport {

    private String outages(String pm, int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add("""
                    {"PM":"%s","PTO":"PTO-%d","Tube":"T1","downAt":"2026-11-24T10:00:%02d+01:00","cause":"LOSS_OF_SIGNAL"}"""
                    .formatted(pm, i, i % 60));
        }
        JsonHttp.Response response = http.post("/outages", "[" + String.join(",", events) + "]");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return pm;
    }

    private JsonNode m5State(String pm) {
        return http.get("/interventions?pm=" + pm + "&from=2026-11-01&to=2026-12-01").json().get("items").get(0).get("m5");
    }

    private String endedIntervention(String pm) {
        String ref = newRef();
        accepted(m2(ref, pm, "2026-11-24T09:00:00+01:00"));
        accepted(m4(ref, pm, "2026-11-24T09:00:00+01:00", "2026-11-24T11:00:00+01:00"));
        return ref;
    }

    @Test
    void anM5TooLargeForTheOiIsAVisibleFailureNeverQueued() {
        clock.set("2026-11-24T11:00:00+01:00");
        String pm = outages(newPm(), 40);
        String ref = endedIntervention(pm);

        clock.set("2026-11-24T11:16:00+01:00");
        JsonNode m5 = await().atMost(Duration.ofSeconds(20)).until(() -> m5State(pm),
                state -> state != null && "FAILED".equals(state.path("outcome").asString(null)));

        assertThat(m5.get("failure").asString()).contains("40 customers").contains("larger than");
        assertThat(m5.get("lastCustomers").asInt()).isEqualTo(40);
        assertThat(jdbc.sql("select count(*) from delivery_message where kind = 'M5' and subject = :ref")
                .param("ref", ref).query(Long.class).single()).isZero();
    }

    @Test
    void theFeedRefusesAValueTheProtocolCannotCarry() {
        String pm = newPm();
        JsonHttp.Response response = http.post("/outages", """
                [{"PM":"%1$s","PTO":"GOOD","downAt":"2026-11-24T10:00:00+01:00"},
                 {"PM":"%1$s","PTO":"BAD","Tube":"\uDBFF\uDFFF","downAt":"2026-11-24T10:00:00+01:00"}]""".formatted(pm));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("[1].Tube");
        assertThat(jdbc.sql("select count(*) from outage where pm = :pm").param("pm", pm).query(Long.class).single()).isZero();
    }

    @Test
    void oneBadCustomerStoredBeforeNeverCostsTheM5OfTheOthers() {
        clock.set("2026-11-24T11:00:00+01:00");
        String pm = outages(newPm(), 3);
        // stored before the feed checked its text
        jdbc.sql("update outage set tube = :tube where pm = :pm and pto = 'PTO-1'").param("tube", "\uFFFF").param("pm", pm).update();
        String ref = endedIntervention(pm);

        clock.set("2026-11-24T11:16:00+01:00");
        JsonNode m5 = await().atMost(Duration.ofSeconds(20)).until(() -> OI.received(M5_PATH).stream()
                .map(request -> JsonHttp.parse(request.body()))
                .filter(body -> ref.equals(body.get("Ref_Interv_OI").asString())).findFirst(), found -> found.isPresent())
                .orElseThrow();

        List<String> ptos = new ArrayList<>();
        m5.get("Liste_Clients_HS").forEach(client -> ptos.add(client.get("PTO").asString()));
        assertThat(ptos).containsExactly("PTO-0", "PTO-2");
    }
}
