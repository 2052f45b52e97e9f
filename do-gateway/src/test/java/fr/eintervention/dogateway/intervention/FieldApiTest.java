package fr.eintervention.dogateway.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** The field API over HTTP: what it accepts, what it refuses and how it names the fault. */
class FieldApiTest extends DoGatewayTestSupport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aStartGetsANewReferenceAndItsM1CarriesTheDeviceStart() {
        String technician = newTechnician();
        String start = ago(Duration.ofMinutes(40));

        JsonHttp.Response response = post("/interventions", json("technicianId", technician, "codeOi", "OI02",
                "pm", "FI-35238-0001", "natures", List.of(nature(1, "PT000123", "FI-1234-5678")), "start", start));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String ref = response.text("ref");
        assertThat(ref).matches("DO01-\\d{8}-[0-9A-Z]{8}");
        assertThat(response.text("state")).isEqualTo("STARTED");
        assertThat(response.json().get("m1").get("status").asString()).isIn("QUEUED", "SENDING", "ACKNOWLEDGED");
        assertThat(response.json().has("m3")).isFalse();

        awaitStatus(ref, "m1", "ACKNOWLEDGED");
        JsonNode m1 = received(OI02, ref).get(0);
        assertThat(m1.propertyNames()).containsExactlyInAnyOrder(
                "Code_DO", "Code_OI", "Ref_Interv_DO", "PM", "Nature_PBO_PTO", "Debut_Inter");
        assertThat(m1.get("Code_DO").asString()).isEqualTo("DO01");
        assertThat(m1.get("Nature_PBO_PTO").toString()).isEqualTo("[{\"nature\":1,\"PBO\":\"PT000123\",\"PTO\":\"FI-1234-5678\"}]");
        assertThat(instant(m1.get("Debut_Inter"))).isEqualTo(Instant.parse(start));
        assertThat(m1.get("Debut_Inter").asString()).matches(".*[+-]\\d{2}:\\d{2}$");
    }

    @Test
    void withoutNatureTheDeclarationSaysNonFournie() {
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI02", "pm", "FI-35238-0001",
                "start", ago(Duration.ofMinutes(5))));

        awaitStatus(ref, "m1", "ACKNOWLEDGED");
        assertThat(received(OI02, ref).get(0).get("Nature_PBO_PTO").toString()).isEqualTo("[{\"nature\":4}]");
        assertThat(intervention(ref).get("natures").toString()).isEqualTo("[{\"nature\":4}]");
    }

    @Test
    void missingFieldsAreNamed() {
        JsonHttp.Response response = post("/interventions", "{}");

        assertThat(errors(response)).containsExactlyInAnyOrder(
                "technicianId: required", "codeOi: required", "pm: required", "start: required");
        assertThat(response.text("protocolAnswer")).isEqualTo("CHAMPS_NON_RENSEIGNE");
        assertThat(response.text("title")).isEqualTo("Invalid request");
    }

    @Test
    void badFormatsAreNamedWithTheReasonTheOiWouldGive() {
        JsonHttp.Response response = post("/interventions", json("technicianId", newTechnician(), "codeOi", "oi2",
                "pm", "FI 35238", "start", ago(Duration.ofMinutes(5))));

        assertThat(errors(response)).containsExactlyInAnyOrder(
                "codeOi: 4 caracteres [0-9A-Z] attendus", "pm: caracteres [0-9A-Za-z_-] attendus");
        assertThat(response.text("protocolAnswer")).isEqualTo("MAUVAIS_FORMAT");
        assertThat(errors(post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "natures", List.of(nature(1, "P".repeat(101), null)), "start", ago(Duration.ofMinutes(5))))))
                .containsExactly("natures[0].pbo: 100 caracteres max");
        // three faults overflow the OI's 100-character description: faults travel as data, all are told
        assertThat(fields(post("/interventions", json("technicianId", newTechnician(), "codeOi", "oi2", "pm", "FI 35238",
                "natures", List.of(nature(1, "P".repeat(101), null)), "start", ago(Duration.ofMinutes(5))))))
                .containsExactlyInAnyOrder("codeOi", "pm", "natures[0].pbo");
    }

    @Test
    void unreadableTimestampsAndValuesAreNamed() {
        assertThat(fields(post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "start", "yesterday at nine"))))
                .containsExactly("start");
        assertThat(fields(post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "natures", List.of(Map.of("nature", "x")), "start", ago(Duration.ofMinutes(5))))))
                .containsExactly("natures[0].nature");
        assertThat(fields(post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "natures", List.of(nature(7, null, null)), "start", ago(Duration.ofMinutes(5))))))
                .containsExactly("natures[0].nature");
    }

    @Test
    void aStartInTheFutureIsRefusedBeyondTheClockTolerance() {
        String technician = newTechnician();
        String future = clock.instant().plus(Duration.ofMinutes(10)).toString();

        assertThat(errors(post("/interventions", json("technicianId", technician, "codeOi", "OI02",
                "pm", "FI-35238-0001", "start", future))))
                .singleElement(InstanceOfAssertFactories.STRING).startsWith("start: in the future");

        String slightlyAhead = clock.instant().plus(Duration.ofMinutes(1)).toString();
        created(json("technicianId", technician, "codeOi", "OI02", "pm", "FI-35238-0001", "start", slightlyAhead));
    }

    @Test
    void anEndBeforeTheStartOrInTheFutureIsRefused() {
        String technician = newTechnician();
        assertThat(fields(post("/interventions", json("technicianId", technician, "codeOi", "OI02", "pm", "FI-35238-0001",
                "start", ago(Duration.ofHours(1)), "end", ago(Duration.ofHours(2))))))
                .containsExactly("end");

        String ref = created(start(technician));
        assertThat(fields(post("/interventions/" + ref + "/end", json("end", ago(Duration.ofHours(2))))))
                .containsExactly("end");
        assertThat(fields(post("/interventions/" + ref + "/end", json("end", clock.instant().plus(Duration.ofHours(1)).toString()))))
                .containsExactly("end");
        assertThat(fields(post("/interventions/" + ref + "/end", "{}"))).containsExactly("end");
        assertThat(intervention(ref).get("state").asString()).isEqualTo("STARTED");
    }

    @Test
    void anOiTheDoDoesNotKnowIsRefusedAtOnce() {
        List<String> errors = errors(post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI99",
                "pm", "FI-35238-0001", "start", ago(Duration.ofMinutes(5)))));

        assertThat(errors).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("codeOi: unknown OI OI99").contains("OI01", "OI02");
        assertThat(http.get("/ois").json().toString()).isEqualTo("[\"OI01\",\"OI02\",\"OI03\"]");
    }

    @Test
    void aucuneActionIsRefusedAtTheStartAndAllowedAtTheEnd() {
        String technician = newTechnician();
        JsonHttp.Response refused = post("/interventions", json("technicianId", technician, "codeOi", "OI02",
                "pm", "FI-35238-0001", "natures", List.of(nature(3, "PT000123", null)), "start", ago(Duration.ofHours(1))));
        assertThat(fields(refused)).containsExactly("natures[0].nature");
        assertThat(refused.text("protocolAnswer")).isEqualTo("MAUVAIS_FORMAT");

        String ref = created(start(technician));
        JsonHttp.Response ended = post("/interventions/" + ref + "/end", json("end", ago(Duration.ofMinutes(10)),
                "natures", List.of(nature(3, "PT000123", "FI-1234-5678"))));

        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.text("state")).isEqualTo("ENDED");
        awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(received(OI02, ref).get(1).get("Nature_PBO_PTO").get(0).get("nature").asInt()).isEqualTo(3);
    }

    @Test
    void implausibleDurationsAreFlaggedNotRefused() {
        JsonHttp.Response tooLong = post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "start", ago(Duration.ofHours(13)), "end", ago(Duration.ofMinutes(1))));
        JsonHttp.Response tooShort = post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "start", ago(Duration.ofSeconds(40)), "end", ago(Duration.ofSeconds(10))));
        JsonHttp.Response plausible = post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "start", ago(Duration.ofHours(2)), "end", ago(Duration.ofMinutes(1))));

        assertThat(tooLong.status()).isEqualTo(201);
        assertThat(tooLong.json().get("warnings").get(0).asString()).startsWith("duration 12 h 59 is longer than 12 h");
        assertThat(tooShort.status()).isEqualTo(201);
        assertThat(tooShort.json().get("warnings").get(0).asString()).startsWith("duration 30 s is shorter than 1 min");
        assertThat(plausible.json().get("warnings").isEmpty()).isTrue();
        assertThat(intervention(tooLong.text("ref")).get("warnings").size()).isOne();
    }

    @Test
    void aCapturePostedAgainIsTheSamePeriod() {
        String technician = newTechnician();
        String body = start(technician);
        JsonHttp.Response first = http.send(request("/interventions", body).header("Idempotency-Key", "capture-1"));
        JsonHttp.Response again = http.send(request("/interventions", body).header("Idempotency-Key", "capture-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("ref")).isEqualTo(first.text("ref"));

        // the field works the same, and a re-post that now carries the end ends the period
        String capture = json("technicianId", technician, "codeOi", "OI02", "pm", "FI-35238-0002",
                "start", ago(Duration.ofMinutes(50)), "deviceCaptureId", "capture-2");
        String ref = created(capture);
        String withEnd = capture.replace("}", ",\"end\":\"" + ago(Duration.ofMinutes(5)) + "\"}");
        JsonHttp.Response ended = post("/interventions", withEnd);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.text("ref")).isEqualTo(ref);
        assertThat(ended.text("state")).isEqualTo("ENDED");

        JsonHttp.Response otherStart = post("/interventions", capture.replace("FI-35238-0002", "FI-35238-0001"));
        assertThat(otherStart.status()).isEqualTo(409);

        awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(received(OI02, first.text("ref"))).hasSize(1);
        assertThat(received(OI02, ref)).hasSize(2);
    }

    @Test
    void theSameEndTwiceChangesNothingAndAnotherEndIsAConflict() {
        String ref = created(start(newTechnician()));
        String end = json("end", ago(Duration.ofMinutes(3)));

        assertThat(post("/interventions/" + ref + "/end", end).status()).isEqualTo(200);
        assertThat(post("/interventions/" + ref + "/end", end).status()).isEqualTo(200);
        JsonHttp.Response other = post("/interventions/" + ref + "/end", json("end", ago(Duration.ofMinutes(2))));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text("detail")).contains("already ended");
        awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(received(OI02, ref)).hasSize(2);
    }

    @Test
    void anUnknownReferenceIsNotFound() {
        assertThat(http.get("/interventions/DO01-20260101-NOTFOUND").status()).isEqualTo(404);
        assertThat(post("/interventions/DO01-20260101-NOTFOUND/end", json("end", ago(Duration.ofMinutes(1)))).status())
                .isEqualTo(404);
        assertThat(put("/interventions/DO01-20260101-NOTFOUND", "{}").status()).isEqualTo(404);
    }

    @Test
    void todayShowsTheTechniciansPeriodsAndResumingTheNextDayIsANewPeriod() {
        String technician = newTechnician();
        Instant now = clock.instant();
        Instant midnight = now.atZone(PARIS).toLocalDate().atStartOfDay(PARIS).toInstant();
        Instant earlierToday = midnight.plus(Duration.between(midnight, now).dividedBy(2));
        String first = created(json("technicianId", technician, "codeOi", "OI02", "pm", "FI-35238-0001",
                "start", earlierToday.toString(), "end", now.toString()));
        created(start(newTechnician()));

        assertThat(today(technician)).containsExactly(first);

        clock.advance(Duration.ofDays(1));
        String resumed = created(json("technicianId", technician, "codeOi", "OI02", "pm", "FI-35238-0001",
                "start", ago(Duration.ofMinutes(1))));
        String open = created(json("technicianId", technician, "codeOi", "OI02", "pm", "FI-35238-0002",
                "start", ago(Duration.ofMinutes(30))));

        assertThat(resumed).isNotEqualTo(first);
        assertThat(today(technician)).containsExactly(open, resumed);
    }

    private List<String> today(String technician) {
        JsonHttp.Response response = http.get("/technicians/" + technician + "/interventions/today");
        assertThat(response.status()).isEqualTo(200);
        List<String> refs = new ArrayList<>();
        response.json().forEach(view -> refs.add(view.get("ref").asString()));
        return refs;
    }

    private HttpRequest.Builder request(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
