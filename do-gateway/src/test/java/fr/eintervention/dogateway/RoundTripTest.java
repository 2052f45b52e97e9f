package fr.eintervention.dogateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * The gateway and the real OI service over HTTP (OI01, demo referential): what the OI accepts,
 * what it rejects, and an OI that is unreachable for a while.
 */
class RoundTripTest extends DoGatewayTestSupport {

    /** The intervention as the OI recorded it. */
    private JsonNode atTheOi(String refOi) {
        JsonHttp.Response response = OI01.http().get("/consultation/interventions/" + refOi);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> received(String ref) {
        return received(OI01.front(), ref).stream().map(m -> m.has("Fin_Inter") ? "M3" : "M1").toList();
    }

    @Test
    void startAndEndAreAcknowledgedWithTheOisReference() {
        String start = ago(Duration.ofMinutes(50));
        String end = ago(Duration.ofMinutes(5));
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI01", "pm", "FI-35238-0001",
                "natures", List.of(nature(1, "PT000123", "FI-1234-5678")), "start", start));

        JsonNode started = awaitStatus(ref, "m1", "ACKNOWLEDGED");
        String refOi = started.get("refIntervOi").asString();
        assertThat(refOi).matches("OI01-\\d{8}-[0-9A-Z]{8}");
        assertThat(started.get("m1").get("answer").get("label").asString()).isEqualTo("OK");

        post("/interventions/" + ref + "/end", json("end", end, "natures", List.of(nature(3, "PT000123", "FI-1234-5678"))));

        JsonNode ended = awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(ended.get("refIntervOi").asString()).isEqualTo(refOi);
        assertThat(ended.get("m3").get("answer").get("refIntervOi").asString()).isEqualTo(refOi);
        JsonNode atTheOi = atTheOi(refOi).get("intervention");
        assertThat(atTheOi.get("codeDo").asString()).isEqualTo("DO01");
        assertThat(atTheOi.get("refIntervDo").asString()).isEqualTo(ref);
        assertThat(Instant.parse(atTheOi.get("debutInter").asString())).isEqualTo(Instant.parse(start));
        assertThat(Instant.parse(atTheOi.get("finInter").asString())).isEqualTo(Instant.parse(end));
    }

    @Test
    void startAndEndCapturedOfflineReachTheOiInOrder() {
        String start = ago(Duration.ofHours(2));
        String end = ago(Duration.ofMinutes(30));
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI01", "pm", "FI-35238-0002",
                "start", start, "end", end));

        JsonNode view = awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(view.get("m1").get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(received(ref)).containsExactly("M1", "M3");
        JsonNode atTheOi = atTheOi(view.get("refIntervOi").asString());
        assertThat(atTheOi.get("messages").findValuesAsString("outcome")).containsExactly("NEW", "NEW");
        assertThat(atTheOi.get("messages").findValuesAsString("kind")).containsExactly("M1", "M3");
        assertThat(Instant.parse(atTheOi.get("intervention").get("debutInter").asString())).isEqualTo(Instant.parse(start));
        assertThat(Instant.parse(atTheOi.get("intervention").get("finInter").asString())).isEqualTo(Instant.parse(end));
    }

    @Test
    void aPmTheOiDoesNotKnowIsRejectedThenCorrectedAndAccepted() {
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI01", "pm", "FI-99999-9999",
                "start", ago(Duration.ofMinutes(15))));

        JsonNode answer = awaitStatus(ref, "m1", "REJECTED").get("m1").get("answer");
        assertThat(answer.get("code").asInt()).isEqualTo(4);
        assertThat(answer.get("label").asString()).isEqualTo("PM_INCONNU");
        assertThat(answer.get("description").asString()).isEqualTo("PM inconnu: FI-99999-9999");

        assertThat(put("/interventions/" + ref, json("pm", "FI-35238-0001")).status()).isEqualTo(200);

        JsonNode view = awaitStatus(ref, "m1", "ACKNOWLEDGED");
        assertThat(view.get("refIntervOi").asString()).startsWith("OI01-");
        assertThat(atTheOi(view.get("refIntervOi").asString()).get("intervention").get("pm").asString())
                .isEqualTo("FI-35238-0001");
    }

    @Test
    void whileTheOiIsUnreachableNothingIsLostAndTheOrderIsKept() {
        String start = ago(Duration.ofMinutes(30));
        String end = ago(Duration.ofMinutes(2));
        String ref;
        OI01.front().down();
        try {
            ref = created(json("technicianId", newTechnician(), "codeOi", "OI01", "pm", "FI-35238-0001",
                    "start", start));
            JsonNode sending = awaitStatus(ref, "m1", "SENDING").get("m1");
            assertThat(sending.has("nextAttemptAt") && sending.has("lastError")).isTrue();
            post("/interventions/" + ref + "/end", json("end", end));
            // M3 waits behind M1: never tried before M1 got through
            assertThat(intervention(ref).get("m3").get("status").asString()).isEqualTo("QUEUED");
        } finally {
            OI01.front().up();
        }
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        JsonNode view = awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(view.get("m1").get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.get("m1").get("attempts").asInt()).isEqualTo(2);
        assertThat(received(ref)).containsExactly("M1", "M3");
        JsonNode atTheOi = atTheOi(view.get("refIntervOi").asString()).get("intervention");
        assertThat(Instant.parse(atTheOi.get("debutInter").asString())).isEqualTo(Instant.parse(start));
        assertThat(Instant.parse(atTheOi.get("finInter").asString())).isEqualTo(Instant.parse(end));
    }
}
