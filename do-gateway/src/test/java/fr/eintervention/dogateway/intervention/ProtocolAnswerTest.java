package fr.eintervention.dogateway.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;

/** The gateway tells the technician the answer the OI would give: MAUVAIS_FORMAT for what is there but unreadable. */
class ProtocolAnswerTest extends DoGatewayTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"demain matin", "2026-02-30T10:00:00+01:00", "20261124"})
    void anUnreadableStartIsAFormatErrorNotAMissingField(String start) {
        JsonHttp.Response response = post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "start", start));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("start");
        assertThat(response.text("protocolAnswer")).isEqualTo("MAUVAIS_FORMAT");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 7})
    void aNatureOutsideOneToFourIsAFormatError(int nature) {
        JsonHttp.Response response = post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "pm", "FI-35238-0001", "natures", List.of(nature(nature, null, null)), "start", ago(Duration.ofMinutes(5))));

        assertThat(fields(response)).containsExactly("natures[0].nature");
        assertThat(response.text("protocolAnswer")).isEqualTo("MAUVAIS_FORMAT");
    }

    @Test
    void aMissingFieldComesFirstAsTheOiOrdersItsAnswers() {
        JsonHttp.Response response = post("/interventions", json("technicianId", newTechnician(), "codeOi", "OI02",
                "start", "demain matin"));

        assertThat(fields(response)).containsExactlyInAnyOrder("pm", "start");
        assertThat(response.text("protocolAnswer")).isEqualTo("CHAMPS_NON_RENSEIGNE");
    }

    @Test
    void anUnreadableValueIsAFormatError() {
        JsonHttp.Response response = post("/interventions", "{\"technicianId\":\"T\",\"natures\":[{\"nature\":\"x\"}]}");

        assertThat(fields(response)).containsExactly("natures[0].nature");
        assertThat(response.text("protocolAnswer")).isEqualTo("MAUVAIS_FORMAT");
    }
}
