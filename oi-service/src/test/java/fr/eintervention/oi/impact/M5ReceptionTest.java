package fr.eintervention.oi.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** M5 at the OI: answers, replacement, "no impacted customer", flags, and the aggregated view. */
class M5ReceptionTest extends OiServiceTestSupport {

    private String intervention(String start, String end) {
        String ref = newRef();
        String body = m1(ref, "FI-35238-0001", start);
        if (end != null) {
            body = body.replace("\"Debut_Inter\"", "\"Fin_Inter\":\"" + end + "\",\"Debut_Inter\"");
        }
        JsonHttp.Response response = declare(body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.text("Ref_Interv_OI");
    }

    static String client(String pto, String hms) {
        return """
                {"PTO":"%s","PBO":"PT000123","Tube":"T1","Fibre":"F3","Position_PM_Module_OI":"M2-P14","HMS_Coupure":"%s"}"""
                .formatted(pto, hms);
    }

    private JsonHttp.Response m5(String oc, String refOi, String... clients) {
        String list = clients.length == 0 ? "" : ",\"Liste_Clients_HS\":[" + String.join(",", clients) + "]";
        return asOc(oc).post("/v1/client_HS_OC_Par_Inter",
                "{\"Code_OC_impacte\":\"" + oc + "\",\"Ref_Interv_OI\":\"" + refOi + "\"" + list + "}");
    }

    private JsonNode view(String refOi) {
        JsonHttp.Response response = http.get("/consultation/interventions/" + refOi);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode operator(JsonNode view, String oc) {
        for (JsonNode operator : view.get("operators")) {
            if (operator.get("oc").asString().equals(oc)) {
                return operator;
            }
        }
        throw new AssertionError("no " + oc + " in " + view);
    }

    @Test
    void acceptsAnM5AndShowsItsCustomers() {
        String refOi = intervention("2026-11-24T09:00:00+01:00", "2026-11-24T11:00:00+01:00");

        JsonHttp.Response response = m5("OC01", refOi, client("FI-0001-0001", "2026-11-24T10:00:00+01:00"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("Code_Reponse").asInt()).isZero();
        assertThat(response.text("Libelle_Reponse")).isEqualTo("OK");
        JsonNode oc01 = operator(view(refOi), "OC01");
        assertThat(oc01.get("m5").asString()).isEqualTo("RECEIVED");
        assertThat(oc01.get("impactedCustomers")).hasSize(1);
        assertThat(oc01.get("impactedCustomers").get(0).get("pto").asString()).isEqualTo("FI-0001-0001");
        assertThat(view(refOi).get("intervention").get("impactedCustomers").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing Code_OC_impacte | {\"Ref_Interv_OI\":\"X\"} | 400 | 1 | CHAMPS_NON_RENSEIGNE",
            "missing client field | {\"Code_OC_impacte\":\"OC01\",\"Ref_Interv_OI\":\"X\",\"Liste_Clients_HS\":[{\"PTO\":\"P\"}]} | 400 | 1 | CHAMPS_NON_RENSEIGNE",
            "HMS_Coupure not ISO 8601 | {\"Code_OC_impacte\":\"OC01\",\"Ref_Interv_OI\":\"X\",\"Liste_Clients_HS\":[{\"PTO\":\"P\",\"PBO\":\"inconnu\",\"Tube\":\"inconnu\",\"Fibre\":\"inconnu\",\"Position_PM_Module_OI\":\"inconnu\",\"HMS_Coupure\":\"10h12\"}]} | 400 | 2 | MAUVAIS_FORMAT",
            "oversized PTO | {\"Code_OC_impacte\":\"OC01\",\"Ref_Interv_OI\":\"X\",\"Liste_Clients_HS\":[{\"PTO\":\"PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP\",\"PBO\":\"inconnu\",\"Tube\":\"inconnu\",\"Fibre\":\"inconnu\",\"Position_PM_Module_OI\":\"inconnu\",\"HMS_Coupure\":\"2026-11-24T10:00:00Z\"}]} | 400 | 2 | MAUVAIS_FORMAT",
            "bad operator code | {\"Code_OC_impacte\":\"oc1\",\"Ref_Interv_OI\":\"X\"} | 400 | 2 | MAUVAIS_FORMAT",
            "reference never issued | {\"Code_OC_impacte\":\"OC01\",\"Ref_Interv_OI\":\"OI01-20260101-NEVER\"} | 404 | 3 | REF_INTERV_OI_INCONNUE"
    })
    void answersWithTheProtocolsCodes(String name, String body, int status, int code, String label) {
        JsonHttp.Response response = asOc("OC01").post("/v1/client_HS_OC_Par_Inter", body);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().get("Code_Reponse").asInt()).isEqualTo(code);
        assertThat(response.text("Libelle_Reponse")).isEqualTo(label);
        assertThat(response.text("Description_Reponse")).isNotBlank().hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void anM5ForAnInterventionNotEndedIsRefusedAndNothingStored() {
        String refOi = intervention("2026-11-24T09:00:00+01:00", null); // M1 only: no end yet

        JsonHttp.Response response = m5("OC01", refOi, client("FI-0001-0001", "2026-11-24T10:00:00+01:00"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("Code_Reponse").asInt()).isEqualTo(3);
        assertThat(response.text("Libelle_Reponse")).isEqualTo("REF_INTERV_OI_INCONNUE");
        assertThat(response.text("Description_Reponse")).contains("pas encore terminee");
        assertThat(operator(view(refOi), "OC01").get("m5").asString()).isEqualTo("AWAITED");
        assertThat(jdbc.sql("select count(*) from impacted_customer c join intervention i on i.id = c.intervention_id"
                + " where i.ref_interv_oi = :ref").param("ref", refOi).query(Long.class).single()).isZero();
    }

    @Test
    void theM5IsKeptExactlyAsReceived() {
        String refOi = intervention("2026-11-24T09:00:00+01:00", "2026-11-24T11:00:00+01:00");
        String body = "{ \"Ref_Interv_OI\" : \"" + refOi + "\",\n  \"Code_OC_impacte\":\"OC01\" }";

        assertThat(asOc("OC01").post("/v1/client_HS_OC_Par_Inter", body).status()).isEqualTo(200);

        assertThat(jdbc.sql("select r.payload from oc_report r join intervention i on i.id = r.intervention_id"
                + " where i.ref_interv_oi = :ref").param("ref", refOi).query(String.class).single()).isEqualTo(body);
    }

    @Test
    void aSecondM5FromTheSameOcReplacesTheFirst() {
        String refOi = intervention("2026-11-24T09:00:00+01:00", "2026-11-24T11:00:00+01:00");
        m5("OC01", refOi, client("FI-0001-0001", "2026-11-24T10:00:00+01:00"), client("FI-0001-0002", "2026-11-24T10:05:00+01:00"));

        assertThat(m5("OC01", refOi, client("FI-0001-0003", "2026-11-24T10:10:00+01:00")).status()).isEqualTo(200);

        JsonNode customers = operator(view(refOi), "OC01").get("impactedCustomers");
        assertThat(customers).hasSize(1);
        assertThat(customers.get(0).get("pto").asString()).isEqualTo("FI-0001-0003");
        assertThat(view(refOi).get("intervention").get("impactedCustomers").asInt()).isEqualTo(1);
    }

    @Test
    void anM5WithoutCustomersRecordsNoImpactedCustomer() {
        String refOi = intervention("2026-11-24T09:00:00+01:00", "2026-11-24T11:00:00+01:00");

        assertThat(m5("OC02", refOi).status()).isEqualTo(200);

        JsonNode oc02 = operator(view(refOi), "OC02");
        assertThat(oc02.get("m5").asString()).isEqualTo("RECEIVED");
        assertThat(oc02.get("impactedCustomers")).isEmpty();
    }

    @Test
    void aCustomerDownOutsideTheWindowIsStoredAndFlagged() {
        String refOi = intervention("2026-11-24T09:00:00+01:00", "2026-11-24T11:00:00+01:00");

        m5("OC01", refOi,
                client("FI-0001-0001", "2026-11-24T09:00:00+01:00"),  // exactly at Debut: inside
                client("FI-0001-0002", "2026-11-24T11:00:00+01:00"),  // exactly at Fin: inside
                client("FI-0001-0003", "2026-11-24T11:00:01+01:00")); // one second after: outside

        JsonNode customers = operator(view(refOi), "OC01").get("impactedCustomers");
        assertThat(customers).hasSize(3);
        assertThat(List.of(customers.get(0).get("outsideWindow").asBoolean(), customers.get(1).get("outsideWindow").asBoolean(),
                customers.get(2).get("outsideWindow").asBoolean())).containsExactly(false, false, true);
        assertThat(view(refOi).get("intervention").get("impactedCustomers").asInt()).isEqualTo(2);
    }

    @Test
    void aggregationTellsExpectedReceivedAndMissing() {
        // ended four days ago: its midnight has passed
        String past = intervention("2026-11-20T09:00:00+01:00", "2026-11-20T11:00:00+01:00");
        m5("OC01", past);
        JsonNode view = view(past);
        assertThat(operator(view, "OC01").get("m5").asString()).isEqualTo("RECEIVED");
        assertThat(operator(view, "OC02").get("m5").asString()).isEqualTo("MISSING");
        assertThat(operator(view, "OC02").get("m4").get("status").asString()).isNotBlank(); // M3 before M1: M4 only

        // still open: the M5 is awaited
        String open = intervention("2026-11-24T09:00:00+01:00", null);
        assertThat(operator(view(open), "OC02").get("m5").asString()).isEqualTo("AWAITED");
    }

    @Test
    void anOcOnlySpeaksForItselfAndOfInterventionsItWasSent() {
        String refOi = intervention("2026-11-24T09:00:00+01:00", "2026-11-24T11:00:00+01:00"); // sent to OC01, OC02

        JsonHttp.Response forAnother = asOc("OC01").post("/v1/client_HS_OC_Par_Inter",
                "{\"Code_OC_impacte\":\"OC02\",\"Ref_Interv_OI\":\"" + refOi + "\"}");
        JsonHttp.Response notSent = m5("OC03", refOi);

        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(notSent.status()).isEqualTo(403);
        assertThat(notSent.body()).contains("OC03 was not sent");
        assertThat(jdbc.sql("select count(*) from oc_report r join intervention i on i.id = r.intervention_id"
                + " where i.ref_interv_oi = :ref").param("ref", refOi).query(Long.class).single()).isZero();
    }

    @Test
    void anOcOutsideFluxThreeIsNotExpected() {
        String ref = newRef();
        JsonHttp.Response response = declare(m1(ref, "FI-35238-0002", "2026-11-20T09:00:00+01:00")
                .replace("\"Debut_Inter\"", "\"Fin_Inter\":\"2026-11-20T10:00:00+01:00\",\"Debut_Inter\""));
        String refOi = response.text("Ref_Interv_OI");

        JsonNode view = view(refOi);
        assertThat(operator(view, "OC03").get("flux3").asBoolean()).isFalse();
        assertThat(operator(view, "OC03").get("m5").asString()).isEqualTo("NOT_EXPECTED");
        assertThat(operator(view, "OC02").get("m5").asString()).isEqualTo("MISSING");
    }
}
