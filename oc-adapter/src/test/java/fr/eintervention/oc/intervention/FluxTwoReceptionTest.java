package fr.eintervention.oc.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** M2/M4 stored idempotently, per (Code_OI, Ref_Interv_OI), seen through the query API. */
class FluxTwoReceptionTest extends OcAdapterTestSupport {

    private static final String START = "2026-11-24T09:00:00+01:00";
    private static final String END = "2026-11-24T11:00:00+01:00";



    @Test
    void recordsTheWindowOfAnM2ThenItsEnd() {
        String pm = newPm();
        String ref = newRef();

        accepted(m2(ref, pm, START));
        JsonNode started = onlyIntervention(pm);
        assertThat(started.get("refIntervOi").asString()).isEqualTo(ref);
        assertThat(started.get("codeOi").asString()).isEqualTo("OI01");
        assertThat(started.get("pbos").get(0).asString()).isEqualTo("PT000123");
        assertThat(started.get("debutInter").asString()).isEqualTo(START);
        assertThat(started.has("finInter")).isFalse();

        accepted(m4(ref, pm, START, END));
        assertThat(onlyIntervention(pm).get("finInter").asString()).isEqualTo(END);
    }

    @Test
    void aDuplicateChangesNothing() {
        String pm = newPm();
        String ref = newRef();
        accepted(m4(ref, pm, START, END));
        String dueAt = onlyIntervention(pm).get("m5").get("dueAt").asString();
        clock.advance(Duration.ofMinutes(3));

        // same content, timestamps written differently: still a duplicate
        accepted(m4(ref, pm, "2026-11-24T08:00:00Z", "20261124 11:00:00"));

        assertThat(windowRows(ref)).isEqualTo(1);
        assertThat(onlyIntervention(pm).get("m5").get("dueAt").asString()).as("a duplicate M4 does not push the M5 back")
                .isEqualTo(dueAt);
    }

    @Test
    void aCorrectedM2UpdatesTheStart() {
        String pm = newPm();
        String ref = newRef();
        accepted(m2(ref, pm, START));

        accepted(m2(ref, pm, "2026-11-24T08:45:00+01:00"));

        assertThat(windowRows(ref)).isEqualTo(1);
        assertThat(onlyIntervention(pm).get("debutInter").asString()).isEqualTo("2026-11-24T08:45:00+01:00");
    }

    @Test
    void aCorrectedM4UpdatesTheWindow() {
        String pm = newPm();
        String ref = newRef();
        accepted(m4(ref, pm, START, END));

        accepted(m4(ref, pm, START, "2026-11-24T11:30:00+01:00"));

        assertThat(onlyIntervention(pm).get("finInter").asString()).isEqualTo("2026-11-24T11:30:00+01:00");
    }

    @Test
    void anM4WithoutM2IsAWholeIntervention() {
        String pm = newPm();
        String ref = newRef();

        accepted(m4(ref, pm, START, END));

        JsonNode intervention = onlyIntervention(pm);
        assertThat(intervention.get("debutInter").asString()).isEqualTo(START);
        assertThat(intervention.get("finInter").asString()).isEqualTo(END);
        assertThat(intervention.get("m5").has("dueAt")).as("its M5 is scheduled").isTrue();
    }

    @Test
    void aLateM2AfterM4ChangesNothing() {
        String pm = newPm();
        String ref = newRef();
        accepted(m4(ref, pm, START, END));

        // the M2, delivered late, with a start the M4 has since corrected
        accepted(m2(ref, pm, "2026-11-24T08:30:00+01:00"));

        JsonNode intervention = onlyIntervention(pm);
        assertThat(intervention.get("debutInter").asString()).isEqualTo(START);
        assertThat(intervention.get("finInter").asString()).isEqualTo(END);
    }

    @Test
    void concurrentIdenticalMessagesMakeOneIntervention() throws Exception {
        String pm = newPm();
        String ref = newRef();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<JsonHttp.Response>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> oi01.post("/v1/intervention_OI",
                            m2(ref, pm, START)), pool))
                    .toList();
            for (CompletableFuture<JsonHttp.Response> call : calls) {
                assertThat(call.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(windowRows(ref)).isEqualTo(1);
    }

    @Test
    void theSameReferenceFromTwoPmsIsOneInterventionOnTheLatestPm() {
        String pm = newPm();
        String other = newPm();
        String ref = newRef();
        accepted(m2(ref, pm, START));

        accepted(m2(ref, other, START));

        assertThat(windowRows(ref)).isEqualTo(1);
        assertThat(onlyIntervention(other).get("refIntervOi").asString()).isEqualTo(ref);
    }
}
