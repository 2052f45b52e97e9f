package fr.eintervention.dogateway.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTest;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * The device's clock as the tool measured it against the gateway's: stored with the start and the
 * end, shown to the DO, a warning when far off; the declared times are the captured ones.
 */
class DeviceClockTest extends DoGatewayTest {

    @Test
    void theOffsetsSentWithTheTapsAreStoredAndALargeOneIsFlagged() {
        String start = ago(Duration.ofMinutes(30));
        String ref = created(json("technicianId", newTechnician(), "codeOi", "OI02", "pm", "FI-35238-0001",
                "start", start, "startClockOffsetSeconds", -4));

        JsonNode started = intervention(ref);
        assertThat(started.get("startClockOffsetSeconds").asInt()).isEqualTo(-4);
        assertThat(started.has("endClockOffsetSeconds")).isFalse();
        assertThat(started.get("warnings").size()).isZero();

        JsonHttp.Response ended = post("/interventions/" + ref + "/end", json("end", ago(Duration.ofMinutes(5)),
                "clockOffsetSeconds", 600));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        JsonNode view = intervention(ref);
        assertThat(view.get("startClockOffsetSeconds").asInt()).isEqualTo(-4);
        assertThat(view.get("endClockOffsetSeconds").asInt()).isEqualTo(600);
        assertThat(view.get("warnings").toString()).contains("the device clock was 600 s ahead of the gateway's when the end was captured");
        assertThat(instant(view.get("start"))).isEqualTo(java.time.Instant.parse(start));
    }

    @Test
    void aStartAndEndCapturedOfflineCarryBothOffsetsAndAReplayKeepsThem() {
        String technician = newTechnician();
        String body = json("technicianId", technician, "codeOi", "OI02", "pm", "FI-35238-0001",
                "start", ago(Duration.ofMinutes(50)), "end", ago(Duration.ofMinutes(20)), "deviceCaptureId", "cap-1",
                "startClockOffsetSeconds", -200, "endClockOffsetSeconds", -201);
        String ref = created(body);

        JsonHttp.Response again = post("/interventions", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("ref")).isEqualTo(ref);
        JsonNode view = intervention(ref);
        assertThat(view.get("startClockOffsetSeconds").asInt()).isEqualTo(-200);
        assertThat(view.get("endClockOffsetSeconds").asInt()).isEqualTo(-201);
        assertThat(view.get("warnings").toString()).contains("200 s behind the gateway's when the start was captured")
                .contains("201 s behind the gateway's when the end was captured");
    }
}
