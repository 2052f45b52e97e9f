package fr.eintervention.dogateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.RequestFuzzer;
import fr.eintervention.testsupport.RequestFuzzer.BodyKind;
import fr.eintervention.testsupport.RequestFuzzer.Endpoint;
import fr.eintervention.testsupport.RequestFuzzer.Given;
import fr.eintervention.testsupport.TestTokens;

/**
 * A seeded fuzz of every endpoint of the DO gateway, as a broken or hostile tool would send: never
 * a 5xx, never an HTML page; then the bodies at the documented limit (docs/reference/bad-input.md)
 * and just over it.
 */
class DoGatewayFuzzTest extends DoGatewayTestSupport {

    private static final long SEED = 14L;
    private static final int REQUESTS = 3000;
    /** eintervention.security.max-body-size, by default */
    private static final int BODY_SIZE = 256 * 1024;

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
                new Endpoint("GET", "/admin/deliveries?partner=OI02&subject=x", BodyKind.NONE, null, operator),
                new Endpoint("GET", "/pms?oi=OI02", BodyKind.NONE, null, field),
                new Endpoint("PUT", "/admin/pms/OI02", BodyKind.CSV, "pm,label\nFI-35238-0001,PM 1\n", operator));

        RequestFuzzer.Result result = new RequestFuzzer(SEED).run("http://127.0.0.1:" + port, endpoints, REQUESTS, 4);

        System.out.println("DO gateway fuzz: " + result.summary());
        assertThat(result.requests()).isEqualTo(REQUESTS);
        assertThat(result.clean()).as(result.summary()).isTrue();
        // the M6TX endpoint answered the fuzz as v2 does, and is still working
        assertThat(JsonHttp.at(port).withToken(oi03).post("/v2/interventions-oi/notification-impacte-clients-oi-do", m6tx)
                .status()).isEqualTo(200);

        Endpoint pmList = endpoints.get(endpoints.size() - 1);
        Endpoint declaration = endpoints.stream().filter(e -> e.method().equals("POST") && e.path().equals("/interventions"))
                .findFirst().orElseThrow();
        RequestFuzzer.Result limits = new RequestFuzzer(SEED).send("http://127.0.0.1:" + port, List.of(
                new Given(pmList, pmList(BODY_SIZE), "a PM list of max-body-size", 200),
                new Given(pmList, pmList(BODY_SIZE + 1), "a PM list over max-body-size", 413),
                new Given(declaration, RequestFuzzer.padded(start(technician), BODY_SIZE + 1),
                        "an intervention over max-body-size", 413)));

        System.out.println("DO gateway at the limits: " + limits.summary());
        assertThat(limits.clean()).as(limits.summary()).isTrue();
    }

    /** A CSV PM list of exactly {@code size} bytes: as many PMs as fit, then a comment line filling the rest. */
    private static byte[] pmList(int size) {
        StringBuilder csv = new StringBuilder("pm,label\n");
        for (int i = 0; csv.length() + 40 < size - 100; i++) {
            csv.append("FI-FUZZ-").append(String.format("%06d", i)).append(",PM du fuzz ").append(i).append('\n');
        }
        int fill = size - csv.length() - 2;
        csv.append('#').append("x".repeat(fill)).append('\n');
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
