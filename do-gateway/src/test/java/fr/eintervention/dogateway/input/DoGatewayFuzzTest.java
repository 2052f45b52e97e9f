package fr.eintervention.dogateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
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
        // an intervention of OI03, which speaks v2: its reference at the OI names it in M6TX
        String v2Ref = created(json("technicianId", technician, "codeOi", "OI03", "pm", "FI-35238-0001",
                "start", ago(Duration.ofHours(1))));
        awaitStatus(v2Ref, "m1", "ACKNOWLEDGED");
        String oi03 = TestTokens.token("OI03", "write:clients");
        String m6tx = "{\"message\":\"M6TX\",\"refIntervOI\":\"OI03-" + v2Ref + "\",\"numeroTest\":1,"
                + "\"codeOCImpacte\":\"OC01\",\"nombreOC\":1,\"multiInterventionOI\":false,\"reparation\":false,"
                + "\"clientHSOC\":[{\"refPTO\":\"FI-1\",\"refPBO\":\"PT1\",\"tube\":\"1\",\"fibre\":\"2\","
                + "\"nomModulePM\":\"M\",\"positionModulePM\":\"3\",\"positionCoupleurOC\":\"4\","
                + "\"dateChangementEtat\":\"2026-11-24T09:05:30+01:00\"}],\"ligneClientRetablie\":[]}";
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/v2/interventions-oi/notification-impacte-clients-oi-do", BodyKind.JSON, m6tx, oi03),
                new Endpoint("POST", "/interventions/" + v2Ref + "/line-tests", BodyKind.JSON,
                        json("numeroTest", 1, "dateTest", ago(Duration.ofMinutes(1))), field),
                new Endpoint("GET", "/interventions/" + v2Ref + "/line-tests", BodyKind.NONE, null, field),
                new Endpoint("POST", "/interventions/{ref}/report", BodyKind.JSON,
                        json("linesImpacted", List.of(java.util.Map.of("pto", "FI-1"))), field),
                new Endpoint("GET", "/ois/OI03", BodyKind.NONE, null, field),
                new Endpoint("GET", "/ois/versions", BodyKind.NONE, null, field),
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
        // the M6TX endpoint answered the fuzz as v2 does, and is still working
        assertThat(JsonHttp.at(port).withToken(oi03).post("/v2/interventions-oi/notification-impacte-clients-oi-do", m6tx)
                .status()).isEqualTo(200);
    }
}
