package fr.eintervention.oi.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.OiServiceTest;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * A corrected M1/M3 moves an intervention from PM FI-35238-0001 (OC01, OC02) to FI-35238-0002
 * (OC02, OC03): OC01, which was told of it at the former PM, gets an M4 for that PM with
 * Fin_Inter = Debut_Inter (withdrawn: a window of no duration) and owes no M5; the consultation
 * says so. Before, OC01 kept an intervention that never ended and its M5 showed MISSING.
 */
class PmCorrectionTest extends OiServiceTest {

    private static final String FORMER_PM = "FI-35238-0001";
    private static final String NEW_PM = "FI-35238-0002";

    private static List<JsonNode> receivedAbout(String oc, String refOi) {
        return OCS.get(oc).received("/v1/intervention_OI").stream().map(r -> JsonHttp.parse(r.body()))
                .filter(body -> body.get("Ref_Interv_OI").asString().equals(refOi)).toList();
    }

    private JsonNode operator(String refOi, String oc) {
        JsonHttp.Response view = http.get("/consultation/interventions/" + refOi);
        assertThat(view.status()).isEqualTo(200);
        for (JsonNode operator : view.json().get("operators")) {
            if (operator.get("oc").asString().equals(oc)) {
                return operator;
            }
        }
        throw new AssertionError("no " + oc + " in " + view.body());
    }

    @Test
    void theOcsOfTheFormerPmAreToldItIsOverThereAndOweNoM5() {
        String ref = newRef();
        String refOi = declare(m1(ref, FORMER_PM, "2026-11-20T09:15:00+01:00")).text("Ref_Interv_OI");
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 1);

        JsonHttp.Response moved = declare(m1(ref, NEW_PM, "2026-11-20T09:20:00+01:00"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(declare(m3(ref, "2026-11-20T11:00:00+01:00").replace(FORMER_PM, NEW_PM)
                .replace("2026-11-24T09:15:00", "2026-11-20T09:20:00")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 2
                && receivedAbout("OC03", refOi).size() == 2);
        JsonNode closing = receivedAbout("OC01", refOi).get(1);
        assertThat(closing.get("PM").asString()).isEqualTo(FORMER_PM);
        assertThat(closing.get("Debut_Inter").asString()).isEqualTo("2026-11-20T09:15:00+01:00");
        assertThat(closing.get("Fin_Inter").asString()).isEqualTo("2026-11-20T09:15:00+01:00");
        assertThat(closing.get("PBO").toString()).isEqualTo("[{\"PBO\":\"PT000123\"},{\"PBO\":\"PT000456\"}]");
        // the OCs of the new PM hear of it there only
        assertThat(receivedAbout("OC03", refOi)).allSatisfy(m -> assertThat(m.get("PM").asString()).isEqualTo(NEW_PM));
        assertThat(receivedAbout("OC02", refOi).get(receivedAbout("OC02", refOi).size() - 1).get("PM").asString())
                .isEqualTo(NEW_PM);

        // ended days ago: OC02 (flux 3, at the new PM) is missing its M5; OC01 owes none
        JsonNode oc01 = operator(refOi, "OC01");
        assertThat(oc01.get("withdrawnFromPm").asString()).isEqualTo(FORMER_PM);
        assertThat(oc01.get("m5").asString()).isEqualTo("NOT_EXPECTED");
        assertThat(operator(refOi, "OC02").get("m5").asString()).isEqualTo("MISSING");
        assertThat(operator(refOi, "OC02").get("withdrawnFromPm").isNull()).isTrue();

        // an operator's re-send of OC01's M4 says the same, not the intervention at its new PM
        long m4 = oc01.get("m4").get("id").asLong();
        assertThat(http.post("/admin/deliveries/" + m4 + "/resend", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAbout("OC01", refOi).size() == 3);
        assertThat(receivedAbout("OC01", refOi).get(2).get("PM").asString()).isEqualTo(FORMER_PM);
        assertThat(receivedAbout("OC01", refOi).get(2).get("Fin_Inter").asString()).isEqualTo("2026-11-20T09:15:00+01:00");

        // if OC01 answers all the same, none of its customers counts for the intervention
        JsonHttp.Response m5 = JsonHttp.at(port).as("OC01", "write:clients").post("/v1/client_HS_OC_Par_Inter", """
                {"Code_OC_impacte":"OC01","Ref_Interv_OI":"%s","Liste_Clients_HS":[{"PTO":"FI-0001-0001","PBO":"PT000123",
                 "Tube":"T1","Fibre":"F3","Position_PM_Module_OI":"M2-P14","HMS_Coupure":"2026-11-20T09:15:00+01:00"}]}"""
                .formatted(refOi));
        assertThat(m5.status()).isEqualTo(200);
        assertThat(operator(refOi, "OC01").get("impactedCustomers").get(0).get("outsideWindow").asBoolean()).isTrue();
        assertThat(http.get("/consultation/interventions/" + refOi).json().get("intervention")
                .get("impactedCustomers").asInt()).isZero();
    }

    @Test
    void movedBackToItsPmAnOcIsNoLongerWithdrawn() {
        String ref = newRef();
        String refOi = declare(m1(ref, FORMER_PM, "2026-11-24T09:15:00+01:00")).text("Ref_Interv_OI");
        declare(m1(ref, NEW_PM, "2026-11-24T09:15:00+01:00"));
        assertThat(operator(refOi, "OC01").get("withdrawnFromPm").asString()).isEqualTo(FORMER_PM);

        declare(m1(ref, FORMER_PM, "2026-11-24T09:15:00+01:00"));

        assertThat(operator(refOi, "OC01").get("withdrawnFromPm").isNull()).isTrue();
        assertThat(operator(refOi, "OC03").get("withdrawnFromPm").asString()).isEqualTo(NEW_PM);
    }
}
