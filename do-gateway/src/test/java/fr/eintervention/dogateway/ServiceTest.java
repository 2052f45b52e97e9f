package fr.eintervention.dogateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.JsonHttp;

/** What runs around the field API: its documentation, health and metrics. */
class ServiceTest extends DoGatewayTestSupport {

    @Test
    void theFieldApiIsDocumentedInSwaggerUi() {
        JsonHttp.Response docs = JsonHttp.at(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/interventions", "/interventions/{ref}",
                "/interventions/{ref}/end", "/technicians/{technicianId}/interventions/today", "/ois",
                "/admin/deliveries");
        assertThat(docs.body()).contains("Idempotency-Key", "deviceCaptureId");
        assertThat(JsonHttp.at(port).get("/swagger-ui/index.html").status()).as("open").isEqualTo(200);
    }

    @Test
    void theServiceIsObservable() {
        assertThat(JsonHttp.at(port).get("/actuator/health").text("status")).as("open").isEqualTo("UP");
        assertThat(operator.get("/actuator/metrics").status()).isEqualTo(200);
    }
}
