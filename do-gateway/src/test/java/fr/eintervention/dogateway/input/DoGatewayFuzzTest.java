package fr.eintervention.dogateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.RequestFuzzer;
import fr.eintervention.testsupport.RequestFuzzer.BodyKind;
import fr.eintervention.testsupport.RequestFuzzer.Endpoint;
import fr.eintervention.testsupport.TestTokens;

/** A seeded fuzz of every endpoint of the DO gateway, as a broken or hostile tool would send: never a 5xx. */
class DoGatewayFuzzTest extends DoGatewayTestSupport {

    private static final long SEED = 14L;
    private static final int REQUESTS = 3000;

    @Test
    void noRequestGetsAServerError() {
        String field = TestTokens.tokenWithoutPartner("technician", "field");
        String operator = TestTokens.tokenWithoutPartner("operator", "operator");
        String technician = newTechnician();
        String ref = created(start(technician));
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/interventions", BodyKind.JSON, start(technician), field),
                new Endpoint("POST", "/interventions", BodyKind.JSON, json("technicianId", technician, "codeOi", "OI02",
                        "pm", "FI-35238-0001", "start", ago(Duration.ofHours(2)), "end", ago(Duration.ofHours(1)),
                        "deviceCaptureId", "fuzz-1"), field),
                new Endpoint("POST", "/interventions/{ref}/end", BodyKind.JSON,
                        json("end", ago(Duration.ofMinutes(30))), field),
                new Endpoint("POST", "/interventions/" + ref + "/end", BodyKind.JSON,
                        json("end", ago(Duration.ofMinutes(30))), field),
                new Endpoint("PUT", "/interventions/{ref}", BodyKind.JSON, json("pm", "FI-35238-0002"), field),
                new Endpoint("GET", "/interventions/{ref}", BodyKind.NONE, null, field),
                new Endpoint("GET", "/technicians/{tech}/interventions/today", BodyKind.NONE, null, field),
                new Endpoint("GET", "/ois", BodyKind.NONE, null, field),
                new Endpoint("GET", "/admin/deliveries?partner=OI02&subject=x", BodyKind.NONE, null, operator));

        RequestFuzzer.Result result = new RequestFuzzer(SEED).run("http://127.0.0.1:" + port, endpoints, REQUESTS, 4);

        System.out.println("DO gateway fuzz: " + result.summary());
        assertThat(result.requests()).isEqualTo(REQUESTS);
        assertThat(result.serverErrors()).as(result.summary()).isEmpty();
        assertThat(result.emptyErrorBodies()).as(result.summary()).isEmpty();
    }
}
