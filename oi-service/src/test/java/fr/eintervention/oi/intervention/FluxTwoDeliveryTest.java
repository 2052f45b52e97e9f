package fr.eintervention.oi.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/** M2/M4 reach, over real HTTP, every OC present at the PM and only them; KO and manual re-send. */
class FluxTwoDeliveryTest extends OiServiceTestSupport {

    private static List<JsonNode> receivedAbout(String oc, String refOi) {
        return OCS.get(oc).received("/v1/intervention_OI").stream().map(r -> JsonHttp.parse(r.body()))
                .filter(body -> body.get("Ref_Interv_OI").asString().equals(refOi)).toList();
    }

    @Test
    void m2ReachesEveryOcPresentAtThePmAndOnlyThem() {
        String refOi = declare(m1(newRef())).text("Ref_Interv_OI");

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 1
                && receivedAbout("OC02", refOi).size() == 1);
        JsonNode m2 = receivedAbout("OC01", refOi).get(0);
        assertThat(m2.propertyNames()).containsExactlyInAnyOrder("Code_OI", "Ref_Interv_OI", "PM", "PBO", "Debut_Inter");
        assertThat(m2.get("PM").asString()).isEqualTo("FI-35238-0001");
        assertThat(receivedAbout("OC03", refOi)).isEmpty();
        assertThat(OCS.get("OC01").received().get(OCS.get("OC01").received().size() - 1).header("Authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void m4FollowsM2AtEachOc() {
        String ref = newRef();
        String refOi = declare(m1(ref)).text("Ref_Interv_OI");
        declare(m3(ref, "2026-11-24T11:00:00+01:00"));

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 2
                && receivedAbout("OC02", refOi).size() == 2);
        for (String oc : List.of("OC01", "OC02")) {
            List<JsonNode> messages = receivedAbout(oc, refOi);
            assertThat(messages.get(0).has("Fin_Inter")).as("M2 first at " + oc).isFalse();
            assertThat(messages.get(1).get("Fin_Inter").asString()).isEqualTo("2026-11-24T11:00:00+01:00");
        }
    }

    @Test
    void aKoIsRejectedVisibleAndCanBeReSentWithCurrentData() {
        OCS.get("OC02").replyWith(request -> PartnerStub.Reply.ko(404, 4, "PM_INCONNU", "PM inconnu"));
        String ref = newRef();
        String refOi = declare(m1(ref)).text("Ref_Interv_OI");

        await().atMost(Duration.ofSeconds(20)).until(() -> "REJECTED".equals(m2State(refOi, "OC02").get("status").asString()));
        JsonNode rejected = m2State(refOi, "OC02");
        assertThat(rejected.get("answerLabel").asString()).isEqualTo("PM_INCONNU");
        assertThat(rejected.get("attempts").asInt()).isOne();

        // the OC fixes its referential; the DO corrects its start meanwhile; the operator re-sends
        OCS.get("OC02").replyOk();
        declare(m1(ref).replace("09:15:00", "09:10:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(m2State(refOi, "OC02").get("status").asString()));
        long corrected = m2State(refOi, "OC02").get("id").asLong();
        JsonHttp.Response resent = http.post("/admin/deliveries/" + rejected.get("id").asLong() + "/resend", "");

        assertThat(resent.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC02", refOi).size() == 3);
        assertThat(receivedAbout("OC02", refOi).get(2).get("Debut_Inter").asString())
                .isEqualTo("2026-11-24T09:10:00+01:00");
        assertThat(corrected).isNotEqualTo(rejected.get("id").asLong());
    }

    private JsonNode m2State(String refOi, String oc) {
        JsonNode view = http.get("/consultation/interventions/" + refOi).json();
        for (JsonNode operator : view.get("operators")) {
            if (operator.get("oc").asString().equals(oc)) {
                return operator.get("m2");
            }
        }
        throw new AssertionError(view.toString());
    }
}
