package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * Both versions of the protocol at once, across the services run as processes with security on: a
 * DO gateway speaking v2 (DO01) and one speaking v1 (DO02) declare to one OI, which relays to an OC
 * adapter it knows as v1 (OC01) and one it knows as v2 (OC02), both present at the PM. Each OC
 * receives each intervention once, in its own version, M2 before M4; the repair report reaches the
 * v2 OC only; the OI's consultation API shows each message's version and what a relay lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MixedVersionsEndToEndTest {

    private static final String PM = "FI-35238-0001";
    private static final String[] FAST_RETRIES = {"--eintervention.delivery.retry-delays=1s,2s,3s,5s,10s",
            "--eintervention.delivery.poll-interval=1s"};
    private static final Duration AWAIT = Duration.ofSeconds(90);

    private ServiceProcess auth;
    private ServiceProcess oi;
    private ServiceProcess oc01;
    private ServiceProcess oc02;
    private ServiceProcess gatewayV2;
    private ServiceProcess gatewayV1;

    private JsonHttp technicianV2;
    private JsonHttp technicianV1;
    private JsonHttp operatorAtOi;

    private String refDoV2;
    private String refOiV2;
    private String refOiV1;

    @BeforeAll
    void startTheSuite() {
        auth = ServiceProcess.of("mixed-auth", "auth-server");
        String issuer = "--AUTH_ISSUER=" + auth.url();
        // a second DO, DO02, beside the demo's clients
        auth = ServiceProcess.of("mixed-auth", "auth-server", issuer, "--PORT=" + auth.port(),
                "--eintervention.auth-server.clients.DO02.scopes=write:interventions",
                "--eintervention.auth-server.clients.DO02.secret=mixed-do02-secret").onPort(auth.port());
        oi = ServiceProcess.of("mixed-oi", "oi-service", concat(FAST_RETRIES, issuer));
        String oiUrl = oi.url();
        oc01 = ServiceProcess.of("mixed-oc01", "oc-adapter", concat(FAST_RETRIES, issuer, "--OC_CODE=OC01",
                "--OC_CLIENT_SECRET=demo-oc01-secret", "--eintervention.oc.code=OC01",
                "--eintervention.oc.partners.OI01.base-url=" + oiUrl));
        oc02 = ServiceProcess.of("mixed-oc02", "oc-adapter", concat(FAST_RETRIES, issuer, "--OC_CODE=OC02",
                "--OC_CLIENT_SECRET=demo-oc02-secret", "--eintervention.oc.code=OC02",
                "--eintervention.oc.partners.OI01.base-url=" + oiUrl,
                "--eintervention.oc.partners.OI01.protocol-version=v2"));
        gatewayV2 = ServiceProcess.of("mixed-do01", "do-gateway", concat(FAST_RETRIES, issuer, "--eintervention.do.code=DO01",
                "--eintervention.do.ois.OI01.base-url=" + oiUrl, "--eintervention.do.ois.OI01.protocol-version=v2"));
        gatewayV1 = ServiceProcess.of("mixed-do02", "do-gateway", concat(FAST_RETRIES, issuer, "--eintervention.do.code=DO02",
                "--DO_CLIENT_SECRET=mixed-do02-secret", "--eintervention.do.ois.OI01.base-url=" + oiUrl));
        auth.start();
        oi.start();
        operatorAtOi = oi.http().withToken(auth.token("operator", "demo-operator-secret"));
        // the OI's referential: OC01 speaks v1, OC02 v2, both present at the PM; DO01 speaks v2, DO02 v1
        partner("OC01", "{\"name\":\"OC01\",\"baseUrl\":\"" + oc01.url() + "\",\"flux3\":true,\"protocolVersion\":\"v1\"}");
        partner("OC02", "{\"name\":\"OC02\",\"baseUrl\":\"" + oc02.url() + "\",\"flux3\":true,\"protocolVersion\":\"v2\"}");
        partner("DO01", "{\"name\":\"DO01\",\"baseUrl\":\"" + gatewayV2.url() + "\",\"flux3\":false,\"actsAsDo\":true,"
                + "\"protocolVersion\":\"v2\"}");
        partner("DO02", "{\"name\":\"DO02\",\"flux3\":false,\"actsAsDo\":true,\"protocolVersion\":\"v1\"}");
        Stream.of(oc01, oc02, gatewayV2, gatewayV1).parallel().forEach(ServiceProcess::start);
        technicianV2 = gatewayV2.http().withToken(auth.token("technician", "demo-technician-secret"));
        technicianV1 = gatewayV1.http().withToken(auth.token("technician", "demo-technician-secret"));
    }

    @AfterAll
    void stopTheSuite() {
        List<ServiceProcess> services = Stream.of(gatewayV1, gatewayV2, oc02, oc01, oi, auth).filter(Objects::nonNull).toList();
        services.forEach(ServiceProcess::signalStop);
        services.forEach(ServiceProcess::close);
    }

    @Test
    @Order(1)
    void bothDosDeclareEachInItsVersionAndTheOiAnswersEachInIt() {
        Instant start = Instant.now().minus(40, ChronoUnit.MINUTES);
        Instant end = start.plus(30, ChronoUnit.MINUTES);
        // v2: one nature among v2's (20: unknown to v1), one PBO, one PTO
        refDoV2 = declare(technicianV2, """
                {"technicianId":"TECH-V2","codeOi":"OI01","pm":"%s","natures":[{"nature":20,"pbo":"PT000123","pto":"FI-1234-5678"}],
                 "start":"%s"}""".formatted(PM, start));
        // v1: two natures on two PBOs (v2 takes one)
        String refDoV1 = declare(technicianV1, """
                {"technicianId":"TECH-V1","codeOi":"OI01","pm":"%s","natures":[{"nature":1,"pbo":"PT000123"},{"nature":2,"pbo":"PT000456"}],
                 "start":"%s"}""".formatted(PM, start));
        refOiV2 = acknowledged(technicianV2, refDoV2, "m1");
        refOiV1 = acknowledged(technicianV1, refDoV1, "m1");

        end(technicianV2, refDoV2, "{\"end\":\"%s\",\"natures\":[{\"nature\":20,\"pbo\":\"PT000123\",\"pto\":\"FI-1234-5678\"}]}"
                .formatted(end));
        end(technicianV1, refDoV1, "{\"end\":\"%s\",\"natures\":[{\"nature\":1,\"pbo\":\"PT000123\"},{\"nature\":2,\"pbo\":\"PT000456\"}]}"
                .formatted(end));
        acknowledged(technicianV2, refDoV2, "m3");
        acknowledged(technicianV1, refDoV1, "m3");

        // the OI kept each message in the version it came in
        assertThat(received(refOiV2)).containsExactly("M1 v2", "M3 v2");
        assertThat(received(refOiV1)).containsExactly("M1 v1", "M3 v1");
        assertThat(consultation(refOiV2).path("protocolVersion").asString()).isEqualTo("v2");
        assertThat(consultation(refOiV1).path("protocolVersion").asString()).isEqualTo("v1");
    }

    @Test
    @Order(2)
    void eachOcReceivesEachInterventionOnceInItsOwnVersionM2BeforeM4() {
        for (String refOi : List.of(refOiV2, refOiV1)) {
            await("M2 and M4 of " + refOi + " delivered to both OCs").atMost(AWAIT).until(() ->
                    Stream.of("OC01", "OC02").allMatch(oc -> delivered(refOi, oc, "M2") && delivered(refOi, oc, "M4")));

            // the OI sent OC01 v1's message, OC02 v2's (M4 as a PUT), once each, M2 first
            assertThat(deliveries(refOi, "OC01")).containsExactly("M2 /v1/intervention_OI", "M4 /v1/intervention_OI");
            assertThat(deliveries(refOi, "OC02")).startsWith("M2 /v2/interventions-oi", "M4 PUT /v2/interventions-oi");
            for (String oc : List.of("OC01", "OC02")) {
                JsonNode view = operator(refOi, oc);
                assertThat(Instant.parse(view.path("m2").path("deliveredAt").asString()))
                        .isBeforeOrEqualTo(Instant.parse(view.path("m4").path("deliveredAt").asString()));
            }

            // what each OC applied: each message once, in its version, M2 before M4
            assertThat(windowMessages(oc01, refOi)).containsExactly("v1 M2", "v1 M4");
            assertThat(windowMessages(oc02, refOi)).containsExactly("v2 M2", "v2 M4");
        }
    }

    @Test
    @Order(3)
    void theRepairReportReachesTheV2OcAndIsShownAsLostForTheV1One() {
        JsonHttp.Response report = technicianV2.post("/interventions/" + refDoV2 + "/report", """
                {"linesImpacted":[{"pto":"FI-1234-5678"}],"linesRestored":[{"pto":"FI-1234-5678","ontSerial":"ALCL12345678"}]}""");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        await("the report acknowledged by the OI").atMost(AWAIT)
                .until(() -> "ACKNOWLEDGED".equals(technicianV2.get("/interventions/" + refDoV2).json().path("report").path("status").asString()));

        await("the report delivered to OC02").atMost(AWAIT).until(() -> delivered(refOiV2, "OC02", "CR"));
        assertThat(deliveries(refOiV2, "OC02")).containsExactly("M2 /v2/interventions-oi", "M4 PUT /v2/interventions-oi",
                "CR /v2/interventions-oi/compte-rendu");
        assertThat(deliveries(refOiV2, "OC01")).doesNotContain("CR /v2/interventions-oi/compte-rendu")
                .containsExactly("M2 /v1/intervention_OI", "M4 /v1/intervention_OI");
        await("the report applied by OC02").atMost(AWAIT)
                .until(() -> linesOf(oc02, "v2 CR OI01/" + refOiV2 + " ->").size() == 1);
        assertThat(linesOf(oc01, "CR OI01/" + refOiV2)).isEmpty();
        assertThat(received(refOiV2)).containsExactly("M1 v2", "M3 v2", "CR v2");
    }

    @Test
    @Order(4)
    void theConsultationShowsTheVersionsAndWhatEachRelayLost() {
        // v2's nature 20 to the v1 OC: relayed with loss; the report not sent to it at all, shown too
        JsonNode v2 = consultation(refOiV2);
        assertThat(losses(v2, "OC02")).isEmpty();
        assertThat(losses(v2, "OC01")).anySatisfy(loss -> assertThat(loss).startsWith("M2 sent "))
                .anySatisfy(loss -> assertThat(loss).startsWith("M4 sent "))
                .anySatisfy(loss -> assertThat(loss).startsWith("CR not sent "));
        assertThat(v2.path("losses").toString()).contains("20");

        // v1's two natures and PBOs to the v2 OC: relayed with loss; nothing lost for the v1 OC
        JsonNode v1 = consultation(refOiV1);
        assertThat(losses(v1, "OC01")).isEmpty();
        assertThat(losses(v1, "OC02")).anySatisfy(loss -> assertThat(loss).startsWith("M2 sent "))
                .anySatisfy(loss -> assertThat(loss).startsWith("M4 sent "));
        assertThat(v1.path("losses").toString()).contains("PT000456");
        assertThat(received(refOiV1)).containsExactly("M1 v1", "M3 v1");
    }

    // --- the gestures and the views ---

    private static String declare(JsonHttp technician, String body) {
        JsonHttp.Response response = technician.post("/interventions", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("ref");
    }

    private static void end(JsonHttp technician, String ref, String body) {
        JsonHttp.Response response = technician.post("/interventions/" + ref + "/end", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Waits until the OI acknowledged that message of the gateway; the OI's reference. */
    private static String acknowledged(JsonHttp technician, String ref, String message) {
        await(message + " of " + ref + " acknowledged").atMost(AWAIT).until(() -> {
            JsonNode view = technician.get("/interventions/" + ref).json();
            assertThat(view.path(message).path("status").asString()).as(view.toString()).isNotEqualTo("REJECTED");
            return "ACKNOWLEDGED".equals(view.path(message).path("status").asString());
        });
        return technician.get("/interventions/" + ref).json().path("refIntervOi").asString();
    }

    private JsonNode consultation(String refOi) {
        return operatorAtOi.get("/consultation/interventions/" + refOi).json();
    }

    /** What the OI received for that intervention, in order: kind and version. */
    private List<String> received(String refOi) {
        return consultation(refOi).path("messages").valueStream()
                .map(message -> message.path("kind").asString() + " " + message.path("protocolVersion").asString()).toList();
    }

    private List<String> losses(JsonNode detail, String oc) {
        return detail.path("losses").valueStream().filter(loss -> loss.path("oc").asString().equals(oc))
                .map(loss -> loss.path("kind").asString() + (loss.path("sent").asBoolean() ? " sent " : " not sent ")
                        + loss.path("field").asString() + "=" + loss.path("value").asString()).toList();
    }

    private JsonNode operator(String refOi, String oc) {
        for (JsonNode operator : consultation(refOi).path("operators")) {
            if (operator.path("oc").asString().equals(oc)) {
                return operator;
            }
        }
        throw new AssertionError("no " + oc + " for " + refOi);
    }

    /** The OI's deliveries of that intervention to that OC, oldest first: kind and path. */
    private List<String> deliveries(String refOi, String oc) {
        JsonNode page = operatorAtOi.get("/admin/deliveries?subject=" + refOi + "&partner=" + oc).json();
        return page.path("items").valueStream()
                .sorted(java.util.Comparator.comparingLong(delivery -> delivery.path("id").asLong()))
                .map(delivery -> delivery.path("kind").asString() + " " + delivery.path("path").asString()).toList();
    }

    private boolean delivered(String refOi, String oc, String kind) {
        JsonNode page = operatorAtOi.get("/admin/deliveries?subject=" + refOi + "&partner=" + oc).json();
        return page.path("items").valueStream()
                .anyMatch(delivery -> delivery.path("kind").asString().equals(kind) && "DELIVERED".equals(delivery.path("status").asString()));
    }

    /** The M2/M4 the OC applied for that intervention, in the order it logged them: version and kind. */
    private static List<String> windowMessages(ServiceProcess oc, String refOi) {
        return linesOf(oc, " OI01/" + refOi + " -> ").stream()
                .map(line -> line.replaceAll(".*\\b(v[12]) (M[24]) OI01/.*", "$1 $2"))
                .filter(line -> line.matches("v[12] M[24]")).toList();
    }

    private static List<String> linesOf(ServiceProcess service, String text) {
        return service.log().lines().filter(line -> line.contains(text)).toList();
    }

    private void partner(String code, String body) {
        JsonHttp.Response response = operatorAtOi.send(HttpRequest.newBuilder(URI.create(oi.url() + "/admin/referential/partners/" + code))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
