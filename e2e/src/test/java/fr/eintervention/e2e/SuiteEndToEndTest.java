package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.yaml.snakeyaml.Yaml;

import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * The whole chain, M1 -> M2 -> M3 -> M4 -> M5, across the four services run as separate
 * processes (DO gateway, OI, two OC adapters for two different OCs), over real HTTP, each on its
 * own PostgreSQL, with security on: every call carries a token of the demo authorization server
 * (itself a process), each service obtains its own by client credentials. Retry delays are
 * shortened to seconds so that an outage heals within the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTest {

    private static final String PM = "FI-35238-0001";
    private static final String[] FAST_RETRIES = {"--eintervention.delivery.retry-delays=2s,3s,5s,10s,60s",
            "--eintervention.delivery.poll-interval=1s"};

    private ServiceProcess auth;
    private ServiceProcess oi;
    private ServiceProcess oc01;
    private ServiceProcess oc02;
    private ServiceProcess gateway;

    private JsonHttp technician;
    private JsonHttp operatorAtOi;

    @BeforeAll
    void startTheSuite() {
        auth = ServiceProcess.of("e2e-auth", "auth-server");
        String issuer = "--AUTH_ISSUER=" + auth.url();
        auth = ServiceProcess.of("e2e-auth", "auth-server", issuer, "--PORT=" + auth.port()).onPort(auth.port());
        oi = ServiceProcess.of("e2e-oi", "oi-service", concat(FAST_RETRIES, issuer, "--eintervention.oi.m5-figures-interval=1000"));
        String oiUrl = oi.url();
        oc01 = ServiceProcess.of("e2e-oc01", "oc-adapter", concat(FAST_RETRIES, issuer, "--OC_CODE=OC01",
                "--OC_CLIENT_SECRET=demo-oc01-secret", "--eintervention.oc.code=OC01",
                "--eintervention.oc.partners.OI01.base-url=" + oiUrl, "--eintervention.oc.flux3.enabled=true",
                "--eintervention.oc.flux3.settling-delay=2s", "--eintervention.oc.flux3.poll-interval=1s"));
        oc02 = ServiceProcess.of("e2e-oc02", "oc-adapter", concat(FAST_RETRIES, issuer, "--OC_CODE=OC02",
                "--OC_CLIENT_SECRET=demo-oc02-secret", "--eintervention.oc.code=OC02",
                "--eintervention.oc.partners.OI01.base-url=" + oiUrl, "--eintervention.oc.flux3.enabled=true",
                "--eintervention.oc.flux3.settling-delay=2s", "--eintervention.oc.flux3.poll-interval=1s"));
        gateway = ServiceProcess.of("e2e-do", "do-gateway", concat(FAST_RETRIES, issuer, "--eintervention.do.code=DO01",
                "--eintervention.do.ois.OI01.base-url=" + oiUrl));
        auth.start();
        technician = gateway.http().withToken(auth.token("technician", "demo-technician-secret"));
        operatorAtOi = oi.http().withToken(auth.token("operator", "demo-operator-secret"));
        oi.start();
        // the OI's referential: both OCs present at the PM, both in flux 3, at their real addresses
        partner("OC01", oc01);
        partner("OC02", oc02);
        oc01.start();
        gateway.start();
        // OC02 is started by the first test, after the OI has tried to reach it
    }

    @AfterAll
    void stopTheSuite() {
        List<ServiceProcess> services = Stream.of(gateway, oc02, oc01, oi, auth).filter(Objects::nonNull).toList();
        services.forEach(ServiceProcess::signalStop); // all at once, then wait for each
        services.forEach(ServiceProcess::close);
    }

    @Test
    @Order(1)
    void anOcDownDuringM2GetsEverythingInOrderOnceBack() {
        Instant start = Instant.now().minus(20, ChronoUnit.MINUTES);
        String ref = startIntervention(PM, start, start.plus(15, ChronoUnit.MINUTES));
        String refOi = acknowledgedReference(ref);

        // OC01 has both messages; OC02 is down and the OI retries
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(deliveryStatus(refOi, "OC01", "m4")));
        assertThat(deliveryStatus(refOi, "OC02", "m2")).isIn("PENDING", "SENDING");

        oc02.start();

        await().atMost(Duration.ofSeconds(90)).until(() -> "DELIVERED".equals(deliveryStatus(refOi, "OC02", "m4")));
        JsonNode oc02View = operator(refOi, "OC02");
        assertThat(Instant.parse(oc02View.get("m2").get("deliveredAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(oc02View.get("m4").get("deliveredAt").asString()));
        JsonNode window = oc02.http().withToken(auth.token("operator", "demo-operator-secret")).get("/interventions?pm=" + PM + "&from=" + start.minus(1, ChronoUnit.HOURS)
                + "&to=" + Instant.now().plus(1, ChronoUnit.HOURS)).json();
        assertThat(window.toString()).contains(refOi);
    }

    @Test
    @Order(2)
    void m3BeforeM1ReachesTheOcsAsM4Only() {
        String refDo = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonHttp do01 = oi.http().withToken(auth.token("DO01", "demo-do01-secret"));
        JsonHttp.Response m3 = do01.post("/v1/intervention_DO", """
                {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"%s","Nature_PBO_PTO":[{"nature":3}],
                 "Debut_Inter":"%s","Fin_Inter":"%s"}""".formatted(refDo, PM, Instant.now().minus(2, ChronoUnit.HOURS),
                Instant.now().minus(1, ChronoUnit.HOURS)));
        assertThat(m3.status()).as(m3.body()).isEqualTo(200);
        String refOi = m3.text("Ref_Interv_OI");

        JsonHttp.Response m1 = do01.post("/v1/intervention_DO", """
                {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"%s","Nature_PBO_PTO":[{"nature":1}],
                 "Debut_Inter":"%s"}""".formatted(refDo, PM, Instant.now().minus(2, ChronoUnit.HOURS)));
        assertThat(m1.text("Ref_Interv_OI")).isEqualTo(refOi);

        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(deliveryStatus(refOi, "OC01", "m4"))
                && "DELIVERED".equals(deliveryStatus(refOi, "OC02", "m4")));
        assertThat(operator(refOi, "OC01").get("m2").isNull()).isTrue();
        assertThat(operator(refOi, "OC02").get("m2").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void aKoFromTheOiIsShownAtTheGatewayAndCorrected() {
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES);
        String ref = startIntervention("FI-99999-9999", start, null);

        await().atMost(Duration.ofSeconds(60)).until(() -> "REJECTED".equals(gatewayView(ref).get("m1").get("status").asString()));
        JsonNode rejected = gatewayView(ref).get("m1");
        assertThat(rejected.get("answer").get("label").asString()).isEqualTo("PM_INCONNU");
        assertThat(rejected.get("answer").get("description").asString()).contains("FI-99999-9999");

        JsonHttp.Response corrected = technician.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/interventions/" + ref))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"pm\":\"" + PM + "\"}")));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

        String refOi = acknowledgedReference(ref);
        assertThat(operatorAtOi.get("/consultation/interventions/" + refOi).json().get("intervention").get("pm").asString())
                .isEqualTo(PM);
    }

    @Test
    @Order(4)
    void m5FromBothOcsIsAggregatedAtTheOi() {
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES);
        Instant down = start.plus(10, ChronoUnit.MINUTES);
        outage(oc01, "FI-0001-0001", down);
        outage(oc02, "FI-0002-0001", down.plus(1, ChronoUnit.MINUTES));

        String ref = startIntervention(PM, start, start.plus(20, ChronoUnit.MINUTES));
        String refOi = acknowledgedReference(ref);

        await().atMost(Duration.ofSeconds(90)).until(() -> "RECEIVED".equals(operator(refOi, "OC01").get("m5").asString())
                && "RECEIVED".equals(operator(refOi, "OC02").get("m5").asString()));
        JsonNode detail = operatorAtOi.get("/consultation/interventions/" + refOi).json();
        assertThat(detail.get("intervention").get("impactedCustomers").asInt()).isEqualTo(2);
        assertThat(operator(refOi, "OC01").get("impactedCustomers").get(0).get("pto").asString()).isEqualTo("FI-0001-0001");
        assertThat(operator(refOi, "OC02").get("impactedCustomers").get(0).get("pto").asString()).isEqualTo("FI-0002-0001");
    }

    @Test
    @Order(5)
    void oneTraceFromTheTechniciansDeclarationToTheOcsReceiptOfTheM2() {
        String traceId = UUID.randomUUID().toString().replace("-", ""); // 32 hex digits, as W3C wants
        Instant start = Instant.now().minus(5, ChronoUnit.MINUTES);
        JsonHttp.Response created = technician.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/interventions"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"technicianId":"TECH-E2E","codeOi":"OI01","pm":"%s","natures":[{"nature":1,"pbo":"PT000123"}],
                         "start":"%s"}""".formatted(PM, start))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String refOi = acknowledgedReference(created.text("ref"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(deliveryStatus(refOi, "OC01", "m2")));

        // the gateway's M1, the OI's reception of it and its M2, the OC's reception of the M2: one trace
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(linesWith(gateway, traceId)).anyMatch(line -> line.contains("M1") && line.contains("DELIVERED"));
            assertThat(linesWith(oi, traceId)).anyMatch(line -> line.contains("M1 DO01/") && line.contains(refOi));
            assertThat(linesWith(oi, traceId)).anyMatch(line -> line.contains("M2 " + refOi + " to OC01: DELIVERED"));
            assertThat(linesWith(oc01, traceId)).anyMatch(line -> line.contains("M2 OI01/" + refOi));
        });
    }

    /**
     * Every metric the Grafana dashboards (deploy/grafana, one per service) and the alert rules
     * (deploy/prometheus) query is one the services expose at /actuator/prometheus, after the
     * flows above. The delivery engine's backlog gauges appear in a service once it has had a
     * backlog for some partner: for them, one service showing them is enough.
     */
    @Test
    @Order(6)
    void theDashboardsAndAlertsQueryMetricsTheServicesExpose() throws Exception {
        String operatorToken = auth.token("operator", "demo-operator-secret");
        Map<String, Set<String>> exposed = new TreeMap<>();
        exposed.put("oi-service", scrape(oi, operatorToken));
        exposed.put("oc-adapter", scrape(oc01, operatorToken));
        exposed.put("do-gateway", scrape(gateway, operatorToken));
        Set<String> anywhere = exposed.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Path deploy = Path.of(System.getProperty("suite.root", "..")).resolve("deploy");

        for (Map.Entry<String, Set<String>> service : exposed.entrySet()) {
            JsonNode dashboard = JsonHttp.parse(Files.readString(deploy.resolve("grafana").resolve(service.getKey() + ".json")));
            List<String> queries = dashboard.findValues("expr").stream().map(JsonNode::asString).toList();
            assertThat(queries).as(service.getKey()).hasSizeGreaterThan(3);
            for (String query : queries) {
                assertThat(metricNames(query)).as(query).isNotEmpty().allSatisfy(metric -> assertThat(
                        metric.startsWith("eintervention_delivery_") ? anywhere : service.getValue())
                        .as(service.getKey() + " exposes " + metric + " (" + query + ")").contains(metric));
            }
        }
        Map<String, Object> rules = new Yaml().load(Files.readString(deploy.resolve("prometheus").resolve("eintervention-alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add((String) ((Map<?, ?>) rule).get("expr"));
            }
        }
        assertThat(expressions).hasSize(3);
        for (String expression : expressions) {
            assertThat(metricNames(expression)).as(expression).isNotEmpty().allSatisfy(metric -> assertThat(anywhere).contains(metric));
        }
    }

    /** The metric names of a PromQL query: ours and the HTTP server's (functions, labels and keywords are not). */
    private static Set<String> metricNames(String query) {
        Matcher matcher = Pattern.compile("\\b(eintervention_[a-z0-9_]+|http_server_[a-z0-9_]+)\\b").matcher(query);
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The metric names in a service's /actuator/prometheus, as Prometheus reads them (one per sample). */
    private static Set<String> scrape(ServiceProcess service, String token) {
        JsonHttp.Response response = service.http().withToken(token).get("/actuator/prometheus");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> linesWith(ServiceProcess service, String traceId) {
        return service.log().lines().filter(line -> line.contains(traceId)).toList();
    }

    // --- the users' gestures ---

    private String startIntervention(String pm, Instant start, Instant end) {
        String body = """
                {"technicianId":"TECH-E2E","codeOi":"OI01","pm":"%s","natures":[{"nature":1,"pbo":"PT000123","pto":"FI-1234-5678"}],
                 "start":"%s"%s}""".formatted(pm, start, end == null ? ""
                : ",\"end\":\"" + end + "\",\"endNatures\":[{\"nature\":1,\"pbo\":\"PT000123\",\"pto\":\"FI-1234-5678\"}]");
        JsonHttp.Response response = technician.post("/interventions", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("ref");
    }

    private String acknowledgedReference(String ref) {
        await().atMost(Duration.ofSeconds(60)).until(() -> gatewayView(ref).hasNonNull("refIntervOi"));
        return gatewayView(ref).get("refIntervOi").asString();
    }

    private JsonNode gatewayView(String ref) {
        return technician.get("/interventions/" + ref).json();
    }

    private JsonNode operator(String refOi, String oc) {
        for (JsonNode operator : operatorAtOi.get("/consultation/interventions/" + refOi).json().get("operators")) {
            if (operator.get("oc").asString().equals(oc)) {
                return operator;
            }
        }
        throw new AssertionError("no " + oc + " for " + refOi);
    }

    private String deliveryStatus(String refOi, String oc, String kind) {
        JsonNode delivery = operator(refOi, oc).get(kind);
        return delivery == null || delivery.isNull() ? null : delivery.get("status").asString();
    }

    private void partner(String code, ServiceProcess oc) {
        JsonHttp.Response response = operatorAtOi.send(HttpRequest.newBuilder(URI.create(oi.url() + "/admin/referential/partners/" + code))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + code + "\",\"baseUrl\":\"" + oc.url() + "\",\"flux3\":true}")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void outage(ServiceProcess oc, String pto, Instant down) {
        JsonHttp.Response response = oc.http().withToken(auth.token("operator", "demo-operator-secret")).post("/outages", """
                [{"PTO":"%s","PM":"%s","PBO":"PT000123","Tube":"T1","Fibre":"F1","Position_PM_Module_OI":"M1-P1",
                  "downAt":"%s","cause":"LOSS_OF_SIGNAL","terminated":false}]""".formatted(pto, PM, down));
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
