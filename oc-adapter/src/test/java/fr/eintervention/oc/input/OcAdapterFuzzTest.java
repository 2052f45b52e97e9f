package fr.eintervention.oc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.RequestFuzzer;
import fr.eintervention.testsupport.RequestFuzzer.BodyKind;
import fr.eintervention.testsupport.RequestFuzzer.Endpoint;
import fr.eintervention.testsupport.RequestFuzzer.Given;
import fr.eintervention.testsupport.TestTokens;

/**
 * A seeded fuzz of every endpoint of the OC adapter, as a hostile partner or tool would send:
 * never a 5xx, never an HTML page, and on the protocol's endpoint always the contract's answer (v1's
 * or v2's);
 * then the files at the documented limits (docs/reference/bad-input.md), and just over them.
 */
class OcAdapterFuzzTest extends OcAdapterTestSupport {

    private static final long SEED = 14L;
    private static final int REQUESTS = 3000;
    /** eintervention.oc.outages.max-batch, max-body-size and eintervention.security.max-body-size, by default */
    private static final int MAX_BATCH = 100_000;
    private static final int FEED_BODY_SIZE = 32 * 1024 * 1024;
    private static final int BODY_SIZE = 256 * 1024;

    @AfterEach
    void forgetFuzzPms() {
        // the OC's PM list decides what M2 is accepted: leave it as the other tests expect it
        jdbc.sql("delete from pm where code like 'FUZZ%'").update();
    }

    @Test
    void noRequestGetsAServerErrorAndTheProtocolEndpointAlwaysAnswersTheContract() {
        String operator = TestTokens.tokenWithoutPartner("operator", "operator");
        String oi = TestTokens.token("OI01", "write:interventions");
        String oiV2 = TestTokens.token("OI02", "write:interventions");
        String pm = newPm();
        String event = """
                {"PTO":"FI-1234-5678","PM":"%s","PBO":"PT000123","Tube":"T2","Fibre":"F7","Position_PM_Module_OI":"M3-P12",\
                "downAt":"2026-11-24T10:02:13+01:00","upAt":"2026-11-24T10:40:00+01:00","cause":"LOSS_OF_SIGNAL",\
                "terminated":false}""".formatted(pm);
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/v1/intervention_OI", BodyKind.JSON,
                        m2("OI01-FUZZ-1", pm, "2026-11-24T09:15:00+01:00"), oi),
                new Endpoint("POST", "/v1/intervention_OI", BodyKind.JSON,
                        m4("OI01-FUZZ-1", pm, "2026-11-24T09:15:00+01:00", "2026-11-24T10:15:00+01:00"), oi),
                new Endpoint("POST", "/v2/interventions-oi", BodyKind.JSON,
                        m2v2("OI02-FUZZ-1", pm, "2026-11-24T09:15:00+01:00"), oiV2),
                new Endpoint("PUT", "/v2/interventions-oi", BodyKind.JSON,
                        m4v2("OI02-FUZZ-1", pm, "2026-11-24T09:15:00+01:00", "2026-11-24T10:15:00+01:00"), oiV2),
                new Endpoint("POST", "/v2/interventions-oi/compte-rendu", BodyKind.JSON, """
                        {"message":"CR","codeOI":"OI02","refIntervOI":"OI02-FUZZ-1","lignesImpactees":[{"refPTO":"FI-1"}]}""",
                        oiV2),
                new Endpoint("POST", "/v2/interventions-oi/test-intermediaire", BodyKind.JSON, """
                        {"message":"M4TX","codeOI":"OI02","refIntervOI":"OI02-FUZZ-1","numeroTest":1,\
                        "dateTest":"2026-11-24T09:20:00+01:00","natureTest":"PM"}""", oiV2),
                new Endpoint("GET", "/interventions?pm=" + pm + "&at=now", BodyKind.NONE, null, operator),
                new Endpoint("POST", "/outages", BodyKind.JSON, "[" + event + "]", operator),
                new Endpoint("POST", "/outages/csv", BodyKind.CSV,
                        "PTO;PM;Tube;downAt\nFI-1234-5678;" + pm + ";T2;2026-11-24T10:02:13+01:00\n", operator),
                new Endpoint("POST", "/own-interventions", BodyKind.JSON, """
                        {"pm":"%s","pto":"FI-1234-5678","from":"2026-11-24T09:10:00+01:00"}""".formatted(pm), operator),
                new Endpoint("PUT", "/admin/pms/FUZZ-{code}", BodyKind.NONE, null, operator),
                new Endpoint("DELETE", "/admin/pms/FUZZ-{code}", BodyKind.NONE, null, operator),
                new Endpoint("POST", "/admin/pms/csv", BodyKind.CSV, "PM\nFUZZ-CSV-1\n", operator),
                new Endpoint("GET", "/admin/pms?page=0", BodyKind.NONE, null, operator),
                new Endpoint("GET", "/admin/deliveries?partner=OI01", BodyKind.NONE, null, operator));

        RequestFuzzer.Result result = new RequestFuzzer(SEED).run("http://127.0.0.1:" + port, endpoints, REQUESTS, 4);

        System.out.println("OC fuzz: " + result.summary());
        assertThat(result.requests()).isEqualTo(REQUESTS);
        assertThat(result.clean()).as(result.summary()).isTrue();

        RequestFuzzer.Result limits = new RequestFuzzer(SEED).send("http://127.0.0.1:" + port, List.of(
                new Given(endpoints.get(8), csv(pm, MAX_BATCH), "CSV of max-batch events", 200),
                new Given(endpoints.get(8), csv(pm, MAX_BATCH + 1), "CSV of max-batch + 1 events", 400),
                new Given(endpoints.get(7), json(event, MAX_BATCH), "JSON of max-batch events", 200),
                new Given(endpoints.get(7), RequestFuzzer.padded("[" + event + "]", FEED_BODY_SIZE + 1),
                        "a feed body over max-body-size", 413),
                new Given(endpoints.get(0), RequestFuzzer.padded(m2("OI01-FUZZ-2", pm, "2026-11-24T09:15:00+01:00"), BODY_SIZE),
                        "an M2 of max-body-size", 200),
                new Given(endpoints.get(0), RequestFuzzer.padded(m2("OI01-FUZZ-3", pm, "2026-11-24T09:15:00+01:00"), BODY_SIZE + 1),
                        "an M2 over max-body-size", 413)));

        System.out.println("OC at the limits: " + limits.summary());
        assertThat(limits.clean()).as(limits.summary()).isTrue();
    }

    /** The outage CSV of that many events, on that PM. */
    private static byte[] csv(String pm, int events) {
        StringBuilder csv = new StringBuilder("PTO;PM;Tube;downAt\n");
        for (int i = 0; i < events; i++) {
            csv.append("FI-FUZZ-").append(i).append(';').append(pm).append(";T2;2026-11-24T10:02:13+01:00\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON array of that many copies of the event. */
    private static byte[] json(String event, int events) {
        StringBuilder json = new StringBuilder(events * (event.length() + 1) + 2).append('[');
        for (int i = 0; i < events; i++) {
            json.append(i == 0 ? "" : ",").append(event);
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
