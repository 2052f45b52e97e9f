package fr.eintervention.oi.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.JsonHttp;

/**
 * Each v2 refusal at the OI over HTTP: HTTP 400, v2's error body with a label the operation lists,
 * the fields at fault named, nothing stored (mirrors the v1 validation and decision-table tests).
 */
class V2RefusalTest extends V2TestSupport {

    private void assertRefused(JsonHttp.Response response, String label, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo(label);
        assertThat(response.json().get("error_description").asString()).isNotBlank().hasSizeLessThanOrEqualTo(256);
        if (field != null) {
            assertThat(response.json().get("error_parameters").valueStream().map(JsonNode -> JsonNode.asString()))
                    .contains(field);
        }
        assertThat(response.json().has("Code_Reponse")).isFalse();
    }

    @Test
    void missingFieldsAreChampsNonRenseigneAllNamed() {
        String ref = newRef();
        assertRefused(v2("POST", "/v2/interventions-do", v2m1(ref).replace("\"codeOI\":\"OI01\",", "")
                .replace("\"refPM\":\"FI-35238-0001\",", "")), "CHAMPS_NON_RENSEIGNE", "codeOI");
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void badFormatsAreMauvaisFormat() {
        String ref = newRef();
        assertRefused(v2("POST", "/v2/interventions-do", v2m1(ref).replace("\"nature\":\"20\"", "\"nature\":\"99\"")),
                "MAUVAIS_FORMAT", "nature");
        assertRefused(v2("POST", "/v2/interventions-do", "{not json"), "MAUVAIS_FORMAT", null);
        assertRefused(v2("POST", "/v2/interventions-do", "[]"), "MAUVAIS_FORMAT", null);
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void anEndBeforeTheStartIsRefusedWithALabelM3Lists() {
        String ref = newRef();
        assertRefused(v2("PUT", "/v2/interventions-do", v2m3(ref).replace("2026-11-24T11:40:00+01:00", "2026-11-24T08:00:00+01:00")),
                "MAUVAIS_FORMAT", null);
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void unknownCodesAndPmsHaveTheirLabels() {
        String ref = newRef();
        assertRefused(v2("POST", "/v2/interventions-do", v2m1(ref).replace("\"codeOI\":\"OI01\"", "\"codeOI\":\"OI99\"")),
                "CODE_OI_INCONNU", "codeOI");
        assertRefused(v2("POST", "/v2/interventions-do", v2m1(ref).replace("FI-35238-0001", "FI-00000-0000")),
                "PM_INCONNU", "pointMutualisation.refPM");
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void aReportOfAnUnknownInterventionIsRefIntervInconnue() {
        assertRefused(v2("POST", "/v2/interventions-do/compte-rendu", report(newRef())), "REF_INTERV_INCONNUE", "refIntervDO");
    }

    @Test
    void oddContentTypesAndNulsGetV2sBody() {
        JsonHttp.Response text = do01.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/interventions-do"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(v2m1(newRef()))));
        assertThat(text.status()).isBetween(400, 499);
        assertThat(text.body()).isNotBlank();
        String ref = newRef();
        assertRefused(v2("POST", "/v2/interventions-do", v2m1(ref).replace("PRS-1", "PRS\\u00001")), "MAUVAIS_FORMAT", null);
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void aDoSpeaksOnlyForItself() {
        JsonHttp.Response foreign = v2("POST", "/v2/interventions-do", v2m1(newRef()).replace("\"codeDO\":\"DO01\"", "\"codeDO\":\"DO02\""));
        assertThat(foreign.status()).isEqualTo(403);
    }
}
