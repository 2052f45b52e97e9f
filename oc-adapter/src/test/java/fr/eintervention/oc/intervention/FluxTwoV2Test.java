package fr.eintervention.oc.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * v2's M2 ({@code POST /v2/interventions-oi}), M4 ({@code PUT}) and relayed report, over HTTP with
 * the adapter's real database: v2's rules, v2's answers, the same intervention as v1's.
 */
class FluxTwoV2Test extends OcAdapterTestSupport {

    private static final String START = "2026-11-24T09:00:00+01:00";
    private static final String END = "2026-11-24T11:00:00+01:00";
    private static final String PATH = "/v2/interventions-oi";
    private static final String REPORT = "/v2/interventions-oi/compte-rendu";


    private static void refused(JsonHttp.Response response, String error, String... parameters) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo(error);
        assertThat(response.json().has("error_description")).isTrue();
        if (parameters.length > 0) {
            assertThat(response.json().get("error_parameters").valueStream().map(JsonNode::asString).toList())
                    .containsExactly(parameters);
        }
    }


    @Test
    void anM2ThenItsM4AreAnsweredInV2AndStoredAsOneInterventionWithWhatV2Carries() {
        String pm = newPm();
        String ref = newRef();

        JsonHttp.Response m2 = acceptedV2("POST", PATH, m2v2(ref, pm, START));
        assertThat(m2.json().get("refIntervOI").asString()).isEqualTo(ref);
        assertThat(m2.json().has("description")).isFalse();
        JsonHttp.Response m4 = acceptedV2("PUT", PATH, m4v2(ref, pm, START, END));
        assertThat(m4.json().get("refIntervOI").asString()).isEqualTo(ref);

        JsonNode stored = onlyIntervention(pm);
        assertThat(stored.get("codeOi").asString()).isEqualTo("OI02");
        assertThat(stored.get("pbos").get(0).asString()).as("the M2's PBO, the M4 carrying none").isEqualTo("PT000123");
        assertThat(stored.get("finInter").asString()).isEqualTo(END);
        assertThat(jdbc.sql("""
                select protocol_version || ' ' || ref_pm_technique || ' ' || element_reseau || ' ' || description
                from intervention_window where ref_interv_oi = :ref""").param("ref", ref).query(String.class).single())
                .isEqualTo("v2 PMT-1 PBO boitier");
        assertThat(windowRows(ref)).isEqualTo(1);
    }

    @Test
    void aDuplicateM4ChangesNothingAndAnM2AfterTheEndIsIgnored() {
        String pm = newPm();
        String ref = newRef();
        acceptedV2("PUT", PATH, m4v2(ref, pm, START, END));

        acceptedV2("PUT", PATH, m4v2(ref, pm, START, END));
        acceptedV2("POST", PATH, m2v2(ref, pm, "2026-11-24T08:00:00+01:00"));

        assertThat(windowRows(ref)).isEqualTo(1);
        assertThat(onlyIntervention(pm).get("debutInter").asString()).isEqualTo(START);
    }

    @Test
    void missingFieldsAreAllNamedFirst() {
        refused(sendV2("POST", PATH, "{\"codeOI\":\"OI02\",\"refIntervOI\":\"" + newRef() + "\"}"),
                "CHAMPS_NON_RENSEIGNE", "dateDebutIntervention", "message", "pointMutualisation", "refPBO");
    }

    @Test
    void anM4WithoutItsEndIsAMissingField() {
        refused(sendV2("PUT", PATH, m4v2(newRef(), newPm(), START, END).replace("\"dateFinIntervention\":\"" + END + "\",", "")),
                "CHAMPS_NON_RENSEIGNE", "dateFinIntervention");
    }

    @Test
    void badFormatsAndAnEndBeforeTheStartAreRefused() {
        String pm = newPm();
        refused(sendV2("POST", PATH, m2v2("bad ref!", pm, START)), "MAUVAIS_FORMAT", "refIntervOI");
        refused(sendV2("POST", PATH, m2v2(newRef(), pm, "hier")), "MAUVAIS_FORMAT", "dateDebutIntervention");
        refused(sendV2("PUT", PATH, m4v2(newRef(), pm, END, START)), "INCOHERENCE");
        refused(sendV2("POST", PATH, "{not json"), "MAUVAIS_FORMAT");
        refused(sendV2("POST", PATH, "[]"), "MAUVAIS_FORMAT");
    }

    @Test
    void anUnknownPmOrOiIsRefusedAndNothingIsStored() {
        String ref = newRef();
        refused(sendV2("POST", PATH, m2v2(ref, "FI-NOT-LISTED-" + ref.substring(5), START)), "PM_INCONNU",
                "pointMutualisation.refPM");
        JsonHttp.Response unknownOi = asOi("OI09").post(PATH, m2v2(ref, newPm(), START).replace("OI02", "OI09"));
        refused(unknownOi, "CODE_OI_INCONNU", "codeOI");
        assertThat(windowRows(ref)).isZero();
    }

    @Test
    void aPartnerOnlySpeaksForItself() {
        String ref = newRef();
        JsonHttp.Response response = oi01.post(PATH, m2v2(ref, newPm(), START));

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(windowRows(ref)).isZero();
    }

    @Test
    void theReportIsKeptByteForByteOnceAndAnUnknownReferenceIsIncoherent() {
        String pm = newPm();
        String ref = newRef();
        acceptedV2("PUT", PATH, m4v2(ref, pm, START, END));
        String report = """
                {"message":"CR","codeOI":"OI02","refIntervOI":"%s",  "lignesImpactees":[{"refPTO":"FI-1234-5678","retStatut":true}],
                 "lignesRetablies":[{"refPTO":"FI-1234-5678"}]}""".formatted(ref);

        JsonHttp.Response answer = acceptedV2("POST", REPORT, report);
        acceptedV2("POST", REPORT, report);

        assertThat(answer.json().get("refIntervOI").asString()).isEqualTo(ref);
        List<byte[]> kept = jdbc.sql("""
                select r.body from intervention_report r join intervention_window w on w.id = r.window_id
                where w.ref_interv_oi = :ref""").param("ref", ref).query(byte[].class).list();
        assertThat(kept).hasSize(1);
        assertThat(new String(kept.get(0), StandardCharsets.UTF_8)).isEqualTo(report);

        refused(sendV2("POST", REPORT, report.replace(ref, newRef())), "INCOHERENCE", "refIntervOI");
    }
}
