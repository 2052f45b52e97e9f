package fr.eintervention.oi.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;

/** Every malformed M1/M3 gets the contract's answer, the right HTTP status, and leaves nothing stored. */
class FluxOneValidationTest extends OiServiceTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | what to replace | by | HTTP | code | label | description contains
            "missing PM | \"PM\":\"FI-35238-0001\", | | 400 | 1 | CHAMPS_NON_RENSEIGNE | PM",
            "blank Code_DO | \"Code_DO\":\"DO01\" | \"Code_DO\":\" \" | 400 | 1 | CHAMPS_NON_RENSEIGNE | Code_DO",
            "null Debut_Inter | \"Debut_Inter\":\"2026-11-24T09:15:00+01:00\" | \"Debut_Inter\":null | 400 | 1 | CHAMPS_NON_RENSEIGNE | Debut_Inter",
            "empty natures | \"Nature_PBO_PTO\":[ | \"Nature_PBO_PTO\":[],\"x\":[ | 400 | 1 | CHAMPS_NON_RENSEIGNE | Nature_PBO_PTO",
            "missing and malformed: missing first | \"PM\":\"FI-35238-0001\", | \"Code_OI\":12, | 400 | 1 | CHAMPS_NON_RENSEIGNE | PM",
            "number as code | \"Code_DO\":\"DO01\" | \"Code_DO\":1234 | 400 | 2 | MAUVAIS_FORMAT | Code_DO",
            "textual nature | \"nature\":1 | \"nature\":\"RACC\" | 400 | 2 | MAUVAIS_FORMAT | nature",
            "unknown nature | \"nature\":1 | \"nature\":7 | 400 | 2 | MAUVAIS_FORMAT | nature",
            "nature 3 in M1 | \"nature\":1 | \"nature\":3 | 400 | 2 | MAUVAIS_FORMAT | AUCUNE ACTION",
            "oversized PBO | \"PT000123\" | \"PT00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000123\" | 400 | 2 | MAUVAIS_FORMAT | PBO",
            "space in PM | FI-35238-0001 | FI 35238 0001 | 400 | 2 | MAUVAIS_FORMAT | PM",
            "impossible date | 2026-11-24T09:15:00+01:00 | 2026-11-31T09:15:00+01:00 | 400 | 2 | MAUVAIS_FORMAT | Debut_Inter",
            "not a date | 2026-11-24T09:15:00+01:00 | hier matin | 400 | 2 | MAUVAIS_FORMAT | Debut_Inter",
            "Fin before Debut | \"Debut_Inter\" | \"Fin_Inter\":\"2026-11-24T08:00:00+01:00\",\"Debut_Inter\" | 400 | 2 | MAUVAIS_FORMAT | Fin_Inter",
            "unknown Code_OI | \"Code_OI\":\"OI01\" | \"Code_OI\":\"OIZZ\" | 404 | 3 | CODE_OI_INCONNU | OIZZ",
            "unknown PM | FI-35238-0001 | FI-99999-9999 | 404 | 4 | PM_INCONNU | FI-99999-9999"
    })
    void answersWithTheProtocolsCodes(String name, String target, String replacement, int status, int code,
            String label, String description) {
        String ref = newRef();
        JsonHttp.Response response = declare(m1(ref).replace(target, replacement == null ? "" : replacement));

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().get("Code_Reponse").asInt()).isEqualTo(code);
        assertThat(response.text("Libelle_Reponse")).isEqualTo(label);
        assertThat(response.text("Description_Reponse")).contains(description).hasSizeLessThanOrEqualTo(100);
        assertThat(response.json().has("Ref_Interv_OI")).isFalse();
        assertThat(interventionCount(ref)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "broken JSON | {\"Code_DO\":\"DO01\",",
            "JSON array | [{\"Code_DO\":\"DO01\"}]",
            "JSON string | \"M1\"",
            "empty body | ''",
            "not JSON | Code_DO=DO01"
    })
    void unreadableBodiesAreBadFormat(String name, String body) {
        JsonHttp.Response response = declare(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("Libelle_Reponse")).isEqualTo("MAUVAIS_FORMAT");
        assertThat(response.json().get("Code_Reponse").asInt()).isEqualTo(2);
    }

    @Test
    void aWrongMediaTypeIsBadFormatNotAFrameworkPage() {
        JsonHttp.Response response = do01.post("/v1/intervention_DO", "text/plain", m1(newRef()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("Libelle_Reponse")).isEqualTo("MAUVAIS_FORMAT");
    }

    @Test
    void withoutATokenNothingGetsIn() {
        String ref = newRef();
        JsonHttp.Response response = JsonHttp.at(port).post("/v1/intervention_DO", m1(ref));

        assertThat(response.status()).isEqualTo(401);
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void aDoOnlySpeaksForItself() {
        String ref = newRef();
        JsonHttp.Response response = JsonHttp.at(port).as("DO02", "write:interventions").post("/v1/intervention_DO", m1(ref));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("DO01").contains("DO02");
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void aRejectedMessageCanBeSentAgainCorrected() {
        String ref = newRef();
        assertThat(declare(m1(ref).replace("FI-35238-0001", "FI-99999-9999")).status()).isEqualTo(404);

        JsonHttp.Response corrected = declare(m1(ref));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.text("Libelle_Reponse")).isEqualTo("OK");
        assertThat(interventionCount(ref)).isOne();
    }
}
