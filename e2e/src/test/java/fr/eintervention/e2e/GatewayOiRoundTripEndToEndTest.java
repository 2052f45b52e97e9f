package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/**
 * The DO gateway and the real OI service, each a process of its own on its own PostgreSQL, over
 * HTTP with security on (tokens of the demo authorization server): what the OI accepts, what it
 * rejects, and an OI that is unreachable for a while. The gateway reaches the OI (OI01, demo
 * referential) through a stub that forwards every request to it, {@code Authorization}
 * included: closing that port makes the OI unreachable without restarting it. The OI's OCs are
 * a stub that accepts everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayOiRoundTripEndToEndTest {

    /** A first retry late enough for a test to queue an M3 behind an M1 the OI did not get. */
    private static final String[] RETRIES = {"--eintervention.delivery.retry-delays=5s,5s,10s,10s,60s",
            "--eintervention.delivery.poll-interval=1s"};
    private static final Duration AWAIT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PartnerStub ocs = PartnerStub.start();
    private PartnerStub front;
    private ServiceProcess auth;
    private ServiceProcess oi;
    private ServiceProcess gateway;
    private JsonHttp technician;
    private JsonHttp operatorAtOi;

    @BeforeAll
    void startTheServices() {
        auth = ServiceProcess.of("round-trip-auth", "auth-server");
        String issuer = "--AUTH_ISSUER=" + auth.url();
        auth = ServiceProcess.of("round-trip-auth", "auth-server", issuer, "--PORT=" + auth.port()).onPort(auth.port());
        oi = ServiceProcess.of("round-trip-oi", "oi-service", concat(RETRIES, issuer));
        front = PartnerStub.start().replyWith(this::forward);
        gateway = ServiceProcess.of("round-trip-do", "do-gateway", concat(RETRIES, issuer, "--eintervention.do.code=DO01",
                "--eintervention.do.ois.OI01.base-url=" + front.baseUrl()));
        auth.start();
        oi.start();
        operatorAtOi = oi.http().withToken(auth.token("operator", "demo-operator-secret"));
        for (String oc : new String[] {"OC01", "OC02", "OC03"}) {
            JsonHttp.Response saved = operatorAtOi.send(HttpRequest.newBuilder(URI.create(oi.url() + "/admin/referential/partners/" + oc))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JsonHttp.write(Map.of("name", oc, "baseUrl", ocs.baseUrl(), "flux3", false)))));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
        gateway.start();
        technician = gateway.http().withToken(auth.token("technician", "demo-technician-secret"));
    }

    @AfterAll
    void stopTheServices() {
        List<ServiceProcess> services = Stream.of(gateway, oi, auth).filter(Objects::nonNull).toList();
        services.forEach(ServiceProcess::signalStop);
        services.forEach(ServiceProcess::close);
        Stream.of(front, ocs).filter(Objects::nonNull).forEach(PartnerStub::close);
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

        technician.post("/interventions/" + ref + "/end", json("end", end, "natures", List.of(nature(3, "PT000123", "FI-1234-5678"))));

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

        JsonHttp.Response corrected = technician.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/interventions/" + ref))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json("pm", "FI-35238-0001"))));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

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
        front.down();
        try {
            ref = created(json("technicianId", newTechnician(), "codeOi", "OI01", "pm", "FI-35238-0001",
                    "start", start));
            JsonNode sending = awaitStatus(ref, "m1", "SENDING").get("m1");
            assertThat(sending.has("nextAttemptAt") && sending.has("lastError")).isTrue();
            technician.post("/interventions/" + ref + "/end", json("end", end));
            // M3 waits behind M1: never tried before M1 got through
            assertThat(intervention(ref).get("m3").get("status").asString()).isEqualTo("QUEUED");
        } finally {
            front.up();
        }

        JsonNode view = awaitStatus(ref, "m3", "ACKNOWLEDGED");
        assertThat(view.get("m1").get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.get("m1").get("attempts").asInt()).isEqualTo(2);
        assertThat(received(ref)).containsExactly("M1", "M3");
        JsonNode atTheOi = atTheOi(view.get("refIntervOi").asString()).get("intervention");
        assertThat(Instant.parse(atTheOi.get("debutInter").asString())).isEqualTo(Instant.parse(start));
        assertThat(Instant.parse(atTheOi.get("finInter").asString())).isEqualTo(Instant.parse(end));
    }

    @Test
    void theOiRefusesAnM1WithoutAToken() {
        String m1 = """
                {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"DO01-SEC-1","PM":"FI-35238-0001",
                 "Nature_PBO_PTO":[{"nature":1,"PBO":"PT000123","PTO":"FI-1234-5678"}],"Debut_Inter":"%s"}"""
                .formatted(ago(Duration.ofMinutes(10)));

        assertThat(oi.http().post("/v1/intervention_DO", m1).status()).as("no token").isEqualTo(401);
    }

    /** The intervention as the OI recorded it. */
    private JsonNode atTheOi(String refOi) {
        JsonHttp.Response response = operatorAtOi.get("/consultation/interventions/" + refOi);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The kinds of the M1/M3 the OI received for a reference, in arrival order. */
    private List<String> received(String ref) {
        return front.received("/v1/intervention_DO").stream()
                .map(request -> JsonHttp.parse(request.body()))
                .filter(body -> ref.equals(body.get("Ref_Interv_DO").asString()))
                .map(m -> m.has("Fin_Inter") ? "M3" : "M1").toList();
    }

    private String created(String body) {
        JsonHttp.Response response = technician.post("/interventions", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("ref");
    }

    private JsonNode intervention(String ref) {
        JsonHttp.Response response = technician.get("/interventions/" + ref);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the declaration (m1 or m3) reaches that status; the intervention then. */
    private JsonNode awaitStatus(String ref, String declaration, String status) {
        return await().atMost(AWAIT).until(() -> intervention(ref),
                view -> view.has(declaration) && status.equals(view.get(declaration).get("status").asString()));
    }

    private PartnerStub.Reply forward(PartnerStub.Received request) {
        try {
            HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(oi.url() + request.path()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
            String authorization = request.header("Authorization");
            if (authorization != null) {
                forwarded.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
            return new PartnerStub.Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return PartnerStub.Reply.status(502);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PartnerStub.Reply.status(503);
        }
    }

    private static String newTechnician() {
        return "TECH-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An ISO 8601 timestamp this long before now, to the second, as a device would send it. */
    private static String ago(Duration duration) {
        return Instant.now().minus(duration).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String json(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                object.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return JsonHttp.write(object);
    }

    private static Map<String, Object> nature(int nature, String pbo, String pto) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("nature", nature);
        entry.put("pbo", pbo);
        entry.put("pto", pto);
        return entry;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
