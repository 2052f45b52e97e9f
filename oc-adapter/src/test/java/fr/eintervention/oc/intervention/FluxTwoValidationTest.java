package fr.eintervention.oc.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;

/** R M2 / R M4: the contract's answers and HTTP statuses; a refused message is not stored. */
class FluxTwoValidationTest extends OcAdapterTestSupport {

    @Test
    void acceptsAnM2AndAnM4WithOk() {
        String pm = newPm();
        String ref = newRef();

        JsonHttp.Response m2 = declare(m2(ref, pm, "2026-11-24T09:15:00+01:00"));
        JsonHttp.Response m4 = declare(m4(ref, pm, "2026-11-24T09:15:00+01:00", "20261124 11:02:00"));

        for (JsonHttp.Response response : new JsonHttp.Response[] {m2, m4}) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("Code_Reponse").asInt()).isZero();
            assertThat(response.text("Libelle_Reponse")).isEqualTo("OK");
            assertThat(response.json().has("Description_Reponse")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing PM and Code_OI | {\"Ref_Interv_OI\":\"REF\",\"Debut_Inter\":\"2026-11-24T09:15:00+01:00\"} | 400 | 1 | CHAMPS_NON_RENSEIGNE",
            "blank Debut_Inter | {\"Code_OI\":\"OI01\",\"Ref_Interv_OI\":\"REF\",\"PM\":\"PM-1\",\"Debut_Inter\":\" \"} | 400 | 1 | CHAMPS_NON_RENSEIGNE",
            "Debut_Inter not ISO 8601 | {\"Code_OI\":\"OI01\",\"Ref_Interv_OI\":\"REF\",\"PM\":\"PM-1\",\"Debut_Inter\":\"9h15\"} | 400 | 2 | MAUVAIS_FORMAT",
            "Fin_Inter before Debut_Inter | {\"Code_OI\":\"OI01\",\"Ref_Interv_OI\":\"REF\",\"PM\":\"PM-1\",\"Debut_Inter\":\"2026-11-24T09:15:00Z\",\"Fin_Inter\":\"2026-11-24T09:00:00Z\"} | 400 | 2 | MAUVAIS_FORMAT",
            "Code_OI in lower case | {\"Code_OI\":\"oi01\",\"Ref_Interv_OI\":\"REF\",\"PM\":\"PM-1\",\"Debut_Inter\":\"2026-11-24T09:15:00Z\"} | 400 | 2 | MAUVAIS_FORMAT",
            "unreadable JSON | {\"Code_OI\": | 400 | 2 | MAUVAIS_FORMAT"
    })
    void refusesWithTheProtocolsAnswer(String name, String body, int status, int code, String label) {
        JsonHttp.Response response = declare(body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("Code_Reponse").asInt()).isEqualTo(code);
        assertThat(response.text("Libelle_Reponse")).isEqualTo(label);
        assertThat(response.text("Description_Reponse")).isNotBlank().hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void anOiTheOcDoesNotWorkWithIsCodeOiInconnu() {
        // a genuine OI99 (its own token): past the partner check, the OC does not know it
        JsonHttp.Response response = asOi("OI99").post("/v1/intervention_OI",
                "{\"Code_OI\":\"OI99\",\"Ref_Interv_OI\":\"REF\",\"PM\":\"PM-1\",\"Debut_Inter\":\"2026-11-24T09:15:00Z\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("Code_Reponse").asInt()).isEqualTo(3);
        assertThat(response.text("Libelle_Reponse")).isEqualTo("CODE_OI_INCONNU");
        assertThat(response.text("Description_Reponse")).isNotBlank().hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void namesEveryMissingField() {
        JsonHttp.Response response = declare("{\"Ref_Interv_OI\":\"REF\",\"Debut_Inter\":\"2026-11-24T09:15:00+01:00\"}");

        assertThat(response.text("Description_Reponse")).contains("Code_OI", "PM");
    }

    @Test
    void refusesAPmMissingFromTheOcsList() {
        newPm(); // the list is loaded: the check applies
        String ref = newRef();

        JsonHttp.Response response = declare(m2(ref, "FI-00000-UNKNOWN", "2026-11-24T09:15:00+01:00"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("Code_Reponse").asInt()).isEqualTo(4);
        assertThat(response.text("Libelle_Reponse")).isEqualTo("PM_INCONNU");
        assertThat(response.text("Description_Reponse")).contains("FI-00000-UNKNOWN");
        assertThat(stored(ref)).as("a refused message is not stored").isZero();
    }

    @Test
    void aRefusedMessageIsNotStoredSoItsCorrectionIsNew() {
        String pm = newPm();
        String ref = newRef();

        assertThat(asOi("OI99").post("/v1/intervention_OI", m2(ref, pm, "2026-11-24T09:15:00+01:00").replace("OI01", "OI99"))
                .status()).isEqualTo(404);
        assertThat(stored(ref)).isZero();

        accepted(m2(ref, pm, "2026-11-24T09:15:00+01:00"));
        assertThat(stored(ref)).isEqualTo(1);
    }

    private long stored(String ref) {
        return jdbc.sql("select count(*) from intervention_window where ref_interv_oi = :ref").param("ref", ref)
                .query(Long.class).single();
    }
}
