package fr.eintervention.dogateway.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub.Reply;
import tools.jackson.databind.JsonNode;

/**
 * M1/M3 as the OI receives them, against a scripted OI (OI02): order and device timestamps of
 * captures made without coverage, rejections corrected and sent again, retries.
 */
class DeclarationDeliveryTest extends DoGatewayTestSupport {

    /** OK with a reference, except for the PM the stub does not know. */
    private static Reply answer(String body, String refOi) {
        if (body.contains("FI-00000-0000")) {
            return Reply.ko(404, 4, "PM_INCONNU", "PM inconnu: FI-00000-0000");
        }
        return new Reply(200, "{\"Code_Reponse\":0,\"Libelle_Reponse\":\"OK\",\"Ref_Interv_OI\":\"" + refOi + "\"}");
    }

    private static List<String> kinds(List<JsonNode> messages) {
        return messages.stream().map(m -> (m.has("Fin_Inter") ? "M3 " : "M1 ") + m.get("PM").asString()).toList();
    }

    @Test
    void startAndEndCapturedOfflineGoAsM1ThenM3WithTheDeviceTimestamps() {
        OI02.replyWith(request -> answer(request.body(), "OI02-REF-1"));
        String start = ago(Duration.ofHours(3));
        String end = ago(Duration.ofHours(1));

        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI02", "pm", "FI-35238-0001",
                "natures", List.of(nature(1, "PT000123", null)), "start", start, "end", end,
                "endNatures", List.of(nature(3, "PT000123", null))));

        JsonNode view = awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(view.get("m1").get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.get("refIntervOi").asString()).isEqualTo("OI02-REF-1");
        List<JsonNode> received = received(OI02, ref);
        assertThat(kinds(received)).containsExactly("M1 FI-35238-0001", "M3 FI-35238-0001");
        assertThat(instant(received.get(0).get("Debut_Inter"))).isEqualTo(Instant.parse(start));
        assertThat(instant(received.get(1).get("Debut_Inter"))).isEqualTo(Instant.parse(start));
        assertThat(instant(received.get(1).get("Fin_Inter"))).isEqualTo(Instant.parse(end));
        assertThat(received.get(0).get("Nature_PBO_PTO").get(0).get("nature").asInt()).isEqualTo(1);
        assertThat(received.get(1).get("Nature_PBO_PTO").get(0).get("nature").asInt()).isEqualTo(3);
    }

    @Test
    void anEndArrivingLateKeepsItsDeviceTime() {
        String ref = created(start(newTechnician()));
        String end = ago(Duration.ofMinutes(45));

        post("/interventions/" + ref + "/end", json("end", end));

        awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(instant(received(OI02, ref).get(1).get("Fin_Inter"))).isEqualTo(Instant.parse(end));
    }

    @Test
    void aRejectedStartIsShownWithTheOisAnswerThenCorrectedAndSentAgain() {
        OI02.replyWith(request -> answer(request.body(), "OI02-REF-2"));
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI02", "pm", "FI-00000-0000",
                "start", ago(Duration.ofMinutes(20))));

        JsonNode rejected = awaitStatus(ref, "m1", "REJECTED").get("m1");
        assertThat(rejected.get("answer").toString())
                .isEqualTo("{\"code\":4,\"label\":\"PM_INCONNU\",\"description\":\"PM inconnu: FI-00000-0000\"}");
        assertThat(instant(rejected.get("correctableUntil")))
                .isEqualTo(instant(rejected.get("answeredAt")).plus(Duration.ofHours(48)));

        JsonHttp.Response corrected = put("/interventions/" + ref, json("pm", "FI-35238-0002"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.text("pm")).isEqualTo("FI-35238-0002");
        JsonNode view = awaitStatus(ref, "m1", "ACKNOWLEDGED");
        assertThat(view.get("refIntervOi").asString()).isEqualTo("OI02-REF-2");
        assertThat(view.get("m1").has("correctableUntil")).isFalse();
        assertThat(kinds(received(OI02, ref))).containsExactly("M1 FI-00000-0000", "M1 FI-35238-0002");
    }

    @Test
    void aRejectedStartAndEndAreCorrectedTogetherAndSentAgainInOrder() {
        OI02.replyWith(request -> answer(request.body(), "OI02-REF-3"));
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI02", "pm", "FI-00000-0000",
                "start", ago(Duration.ofHours(2)), "end", ago(Duration.ofHours(1))));
        awaitStatus(ref, "m3", "REJECTED");

        assertThat(put("/interventions/" + ref, json("pm", "FI-35238-0001")).status()).isEqualTo(200);

        JsonNode view = awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(view.get("m1").get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(kinds(received(OI02, ref))).containsExactly(
                "M1 FI-00000-0000", "M3 FI-00000-0000", "M1 FI-35238-0001", "M3 FI-35238-0001");
    }

    @Test
    void onlyARejectedDeclarationCanBeCorrectedAndForALimitedTime() {
        OI02.replyWith(request -> answer(request.body(), "OI02-REF-4"));
        String accepted = created(start(newTechnician()));
        awaitStatus(accepted, "m1", "ACKNOWLEDGED");
        assertThat(put("/interventions/" + accepted, json("pm", "FI-35238-0002")).status()).isEqualTo(409);

        String rejected = created(json("technicianId", newTechnician(), "codeOi", "OI02", "pm", "FI-00000-0000",
                "start", ago(Duration.ofMinutes(20))));
        awaitStatus(rejected, "m1", "REJECTED");
        assertThat(fields(put("/interventions/" + rejected, json("pm", "FI 1")))).containsExactly("pm");
        assertThat(fields(put("/interventions/" + rejected, json("end", ago(Duration.ofMinutes(1)))))).containsExactly("end");

        clock.advance(Duration.ofHours(48).plusMinutes(1));
        JsonHttp.Response late = put("/interventions/" + rejected, json("pm", "FI-35238-0002"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("detail")).contains("48 h");
    }

    @Test
    void aStartTheOiNeverAnswersFailsAfterTheRetriesTheEndGoesAloneAndTheStartCanBeSentAgain() {
        String ref;
        OI02.down();
        try {
            ref = created(start(newTechnician()));
            awaitAttempts(ref, 1);
            int attempts = 1;
            for (Duration delay : List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
                    Duration.ofMinutes(10), Duration.ofHours(20))) {
                clock.advance(delay.plusSeconds(1));
                awaitAttempts(ref, ++attempts);
            }
            JsonNode failed = awaitStatus(ref, "m1", "FAILED").get("m1");
            assertThat(failed.get("attempts").asInt()).isEqualTo(6);
            assertThat(failed.has("correctableUntil")).isTrue();
        } finally {
            OI02.up();
        }

        // only the end reaches the OI: M3 alone (the OI's M3-before-M1 rule covers it)
        post("/interventions/" + ref + "/end", json("end", ago(Duration.ofMinutes(1))));
        assertThat(awaitStatus(ref, "m3", "ACKNOWLEDGED").get("m1").get("status").asString()).isEqualTo("FAILED");

        assertThat(put("/interventions/" + ref, "{}").status()).isEqualTo(200);
        awaitStatus(ref, "m1", "ACKNOWLEDGED");
        assertThat(kinds(received(OI02, ref))).containsExactly("M3 FI-35238-0001", "M1 FI-35238-0001");
    }

    @Test
    void anOperatorsResendOfARejectedDeclarationIsFollowedToo() {
        OI02.replyWith(request -> answer(request.body(), "OI02-REF-5"));
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI02", "pm", "FI-00000-0000",
                "start", ago(Duration.ofMinutes(20))));
        awaitStatus(ref, "m1", "REJECTED");
        long id = operator.get("/admin/deliveries?subject=" + ref).json().get("items").get(0).get("id").asLong();

        // the OI added the PM to its referential: an operator sends the message again, unchanged
        OI02.replyWith(request -> answer("{}", "OI02-REF-5"));
        assertThat(operator.post("/admin/deliveries/" + id + "/resend", "").status()).isEqualTo(200);

        assertThat(awaitStatus(ref, "m1", "ACKNOWLEDGED").get("refIntervOi").asString()).isEqualTo("OI02-REF-5");
        assertThat(kinds(received(OI02, ref))).containsExactly("M1 FI-00000-0000", "M1 FI-00000-0000");
    }

    private void awaitAttempts(String ref, int attempts) {
        await().atMost(AWAIT).until(() -> intervention(ref).get("m1").get("attempts").asInt() >= attempts);
    }
}
