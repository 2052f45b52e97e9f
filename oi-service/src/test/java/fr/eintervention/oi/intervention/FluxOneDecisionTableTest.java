package fr.eintervention.oi.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.eintervention.oi.OiServiceTest;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** The OI's decision table for M1/M3 (docs/explanation/protocol-rules.md), over HTTP, read back from the database. */
class FluxOneDecisionTableTest extends OiServiceTest {

    private String accepted(String body) {
        JsonHttp.Response response = declare(body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("Code_Reponse").asInt()).isZero();
        assertThat(response.text("Libelle_Reponse")).isEqualTo("OK");
        return response.text("Ref_Interv_OI");
    }

    private Map<String, Object> intervention(String refOi) {
        return jdbc.sql("select * from intervention where ref_interv_oi = :ref").param("ref", refOi).query().singleRow();
    }

    private List<String> outcomes(String refOi) {
        return jdbc.sql("""
                select m.kind || ' ' || m.outcome from intervention_message m join intervention i on i.id = m.intervention_id
                where i.ref_interv_oi = :ref order by m.id""").param("ref", refOi).query(String.class).list();
    }

    private List<String> queued(String refOi) {
        return outbox(refOi).stream().map(row -> row.get("kind") + " " + row.get("partner")).toList();
    }

    @Test
    void newM1IssuesAReferenceAndQueuesAnAnonymisedM2ForEachOcPresent() {
        String refOi = accepted(m1(newRef()));

        assertThat(refOi).matches("OI01-\\d{8}-[0-9A-Z]{8}").hasSizeLessThanOrEqualTo(50);
        assertThat(outcomes(refOi)).containsExactly("M1 NEW");
        assertThat(queued(refOi)).containsExactly("M2 OC01", "M2 OC02");
        JsonNode m2 = JsonHttp.parse((String) outbox(refOi).get(0).get("payload"));
        assertThat(m2.propertyNames()).containsExactlyInAnyOrder("Code_OI", "Ref_Interv_OI", "PM", "PBO", "Debut_Inter");
        assertThat(m2.get("Code_OI").asString()).isEqualTo("OI01");
        assertThat(m2.get("Ref_Interv_OI").asString()).isEqualTo(refOi);
        assertThat(m2.get("PBO").toString()).isEqualTo("[{\"PBO\":\"PT000123\"},{\"PBO\":\"PT000456\"}]");
        assertThat(Instant.parse(m2.get("Debut_Inter").asString().replace("+01:00", "Z")))
                .isEqualTo(Instant.parse("2026-11-24T09:15:00Z"));
        assertThat(m2.get("Debut_Inter").asString()).isEqualTo("2026-11-24T09:15:00+01:00");
    }

    @Test
    void noOcAtThePmMeansNothingQueued() {
        String refOi = accepted(m1(newRef(), "FI-75056-0003", "2026-11-24T09:15:00+01:00"));
        assertThat(outbox(refOi)).isEmpty();
    }

    @Test
    void duplicateM1WithEntriesInAnotherOrderIsOkWithTheSameReferenceAndNoFlow() {
        String ref = newRef();
        String refOi = accepted(m1(ref));
        String reordered = m1(ref).replace(
                "{\"nature\":1,\"PBO\":\"PT000123\",\"PTO\":\"FI-1234-5678\"},{\"nature\":2,\"PBO\":\"PT000456\"}",
                "{\"nature\":2,\"PBO\":\"PT000456\"},{\"PTO\":\"FI-1234-5678\",\"nature\":1,\"PBO\":\"PT000123\"}")
                .replace("2026-11-24T09:15:00+01:00", "2026-11-24T08:15:00Z");

        assertThat(accepted(reordered)).isEqualTo(refOi);
        assertThat(outcomes(refOi)).containsExactly("M1 NEW", "M1 DUPLICATE");
        assertThat(queued(refOi)).containsExactly("M2 OC01", "M2 OC02");
    }

    @Test
    void correctedM1UpdatesAndQueuesACorrectedM2() {
        String ref = newRef();
        String refOi = accepted(m1(ref));

        assertThat(accepted(m1(ref).replace("09:15:00", "09:20:00"))).isEqualTo(refOi);

        assertThat(outcomes(refOi)).containsExactly("M1 NEW", "M1 CORRECTED");
        assertThat(intervention(refOi).get("debut_inter").toString()).contains("08:20:00");
        assertThat(queued(refOi)).hasSize(4).endsWith("M2 OC01", "M2 OC02");
        assertThat(JsonHttp.parse((String) outbox(refOi).get(3).get("payload")).get("Debut_Inter").asString())
                .isEqualTo("2026-11-24T09:20:00+01:00");
    }

    @Test
    void correctedM1WithFewerTripletsReplacesThemAndItsM2CarriesOnlyTheNewPbo() {
        String ref = newRef();
        String refOi = accepted(m1(ref));

        assertThat(accepted(m1(ref).replace(
                "{\"nature\":1,\"PBO\":\"PT000123\",\"PTO\":\"FI-1234-5678\"},{\"nature\":2,\"PBO\":\"PT000456\"}",
                "{\"nature\":2,\"PBO\":\"PT000789\"}"))).isEqualTo(refOi);

        assertThat(outcomes(refOi)).containsExactly("M1 NEW", "M1 CORRECTED");
        assertThat(jdbc.sql("""
                select n.nature, n.pbo from intervention_nature n join intervention i on i.id = n.intervention_id
                where i.ref_interv_oi = :ref order by n.position""").param("ref", refOi).query().listOfRows())
                .containsExactly(Map.of("nature", 2, "pbo", "PT000789"));
        assertThat(JsonHttp.parse((String) outbox(refOi).get(3).get("payload")).get("PBO").toString())
                .isEqualTo("[{\"PBO\":\"PT000789\"}]");
    }

    @Test
    void theAuditKeepsEachMessageExactlyAsReceived() {
        String ref = newRef();
        // keys in another order than the contract's, spaces and line breaks: jsonb would have normalised them
        String body = "{\"Debut_Inter\":\"2026-11-24T09:15:00+01:00\",  \"PM\":\"FI-35238-0001\",\n"
                + " \"Ref_Interv_DO\":\"" + ref + "\", \"Code_OI\":\"OI01\",\"Code_DO\":\"DO01\",\n"
                + " \"Nature_PBO_PTO\":[{\"PTO\":\"FI-1234-5678\",\"nature\":1,\"PBO\":\"PT000123\"}]}";
        String refOi = accepted(body);

        JsonNode messages = http.get("/consultation/interventions/" + refOi).json().get("messages");
        assertThat(messages.get(0).get("payload").asString()).isEqualTo(body);
    }

    @Test
    void aPmChangeRetargetsTheOcsOfTheNewPm() {
        String ref = newRef();
        String refOi = accepted(m1(ref));

        accepted(m1(ref, "FI-35238-0002", "2026-11-24T09:15:00+01:00"));

        // OC01, not at the new PM, is told the intervention is over at the former one (PmCorrectionTest)
        assertThat(queued(refOi)).containsExactly("M2 OC01", "M2 OC02", "M2 OC02", "M2 OC03", "M4 OC01");
    }

    @Test
    void m3RecordsTheEndAndFinalNaturesAndQueuesM4() {
        String ref = newRef();
        String refOi = accepted(m1(ref));

        assertThat(accepted(m3(ref, "2026-11-24T11:00:00+01:00"))).isEqualTo(refOi);

        assertThat(outcomes(refOi)).containsExactly("M1 NEW", "M3 NEW");
        assertThat(queued(refOi)).containsExactly("M2 OC01", "M2 OC02", "M4 OC01", "M4 OC02");
        JsonNode m4 = JsonHttp.parse((String) outbox(refOi).get(2).get("payload"));
        assertThat(m4.get("Fin_Inter").asString()).isEqualTo("2026-11-24T11:00:00+01:00");
        assertThat(m4.has("Code_DO") || m4.has("Ref_Interv_DO") || m4.toString().contains("PTO")).isFalse();
        assertThat(jdbc.sql("""
                select nature from intervention_nature n join intervention i on i.id = n.intervention_id
                where i.ref_interv_oi = :ref order by position""").param("ref", refOi).query(Integer.class).list())
                .containsExactly(3, 2);
    }

    @Test
    void m3BeforeM1CreatesTheInterventionAndQueuesM4Only() {
        String ref = newRef();
        String refOi = accepted(m3(ref, "2026-11-24T11:00:00+01:00"));

        assertThat(outcomes(refOi)).containsExactly("M3 NEW");
        assertThat(queued(refOi)).containsExactly("M4 OC01", "M4 OC02");
        assertThat(intervention(refOi).get("fin_inter")).isNotNull();
    }

    @Test
    void m1AfterM3IsAcceptedButOverwritesNothingAndTriggersNoFlow() {
        String ref = newRef();
        String refOi = accepted(m3(ref, "2026-11-24T11:00:00+01:00"));

        assertThat(accepted(m1(ref, "FI-35238-0002", "2026-11-24T07:00:00+01:00"))).isEqualTo(refOi);

        assertThat(outcomes(refOi)).containsExactly("M3 NEW", "M1 IGNORED");
        assertThat(queued(refOi)).containsExactly("M4 OC01", "M4 OC02");
        Map<String, Object> row = intervention(refOi);
        assertThat(row.get("pm")).isEqualTo("FI-35238-0001");
        assertThat(row.get("debut_inter").toString()).contains("08:15:00");
        assertThat(row.get("fin_inter")).isNotNull();
    }

    @Test
    void duplicateAndCorrectedM3() {
        String ref = newRef();
        String refOi = accepted(m1(ref));
        accepted(m3(ref, "2026-11-24T11:00:00+01:00"));

        accepted(m3(ref, "2026-11-24T10:00:00Z"));
        accepted(m3(ref, "2026-11-24T11:30:00+01:00"));

        assertThat(outcomes(refOi)).containsExactly("M1 NEW", "M3 NEW", "M3 DUPLICATE", "M3 CORRECTED");
        assertThat(queued(refOi)).containsExactly("M2 OC01", "M2 OC02", "M4 OC01", "M4 OC02", "M4 OC01", "M4 OC02");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-11-24T09:15:00+01:00, 2026-11-24T08:15:00Z",
            "2026-11-24T08:15:00Z, 2026-11-24T08:15:00Z",
            "2026-11-24T08:15:00.250Z, 2026-11-24T08:15:00.250Z",
            "2026-11-24T09:15:00, 2026-11-24T08:15:00Z",
            "2026-11-24 09:15:00, 2026-11-24T08:15:00Z",
            "20261124 09:15:00, 2026-11-24T08:15:00Z",
            "2026-07-01T09:15:00, 2026-07-01T07:15:00Z"
    })
    void timestampsInEveryAcceptedFormAreStoredAsUtcInstants(String debut, String stored) {
        String refOi = accepted(m1(newRef(), "FI-35238-0001", debut));

        Instant instant = jdbc.sql("select debut_inter from intervention where ref_interv_oi = :ref")
                .param("ref", refOi).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(instant).isEqualTo(Instant.parse(stored));
    }

    @Test
    void theRawMessageIsKeptForAudit() {
        String ref = newRef();
        String refOi = accepted(m1(ref).replace("2026-11-24T09:15:00+01:00", "20261124 09:15:00"));

        String payload = jdbc.sql("""
                select m.payload::text from intervention_message m join intervention i on i.id = m.intervention_id
                where i.ref_interv_oi = :ref""").param("ref", refOi).query(String.class).single();
        assertThat(payload).contains("20261124 09:15:00").contains(ref);
    }

    @Test
    void fiftyIdenticalM1AtTheSameInstantGetOneReference() throws Exception {
        String ref = newRef();
        String body = m1(ref);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<String>> calls = java.util.Collections.nCopies(50, () -> accepted(body));
            List<String> references = pool.invokeAll(calls).stream().map(FluxOneDecisionTableTest::get).distinct().toList();

            assertThat(references).hasSize(1);
            assertThat(interventionCount(ref)).isOne();
            assertThat(outcomes(references.get(0))).hasSize(50).containsOnlyOnce("M1 NEW");
            assertThat(queued(references.get(0))).containsExactly("M2 OC01", "M2 OC02");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
