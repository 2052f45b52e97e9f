package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.browser.BrowserTest;
import fr.eintervention.testsupport.browser.Chromium;
import tools.jackson.databind.JsonNode;

/**
 * Line tests on site, across the services run as processes (all in v2: the DO gateway, the OI, two
 * OC adapters present at the PM), with the technician's app in a phone-sized headless Chromium.
 * Début; a line outage is fed to OC01 for one of its customers at that PM; "Tester les lignes";
 * the app lists that customer, and "aucun client coupé" for OC02, within 10 s of the tap; the
 * outage is cleared and a second test shows the line restored; Fin. Then once more with the phone's
 * network cut (Chromium's offline emulation) from the tap until the answer could have come.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LineTestsEndToEndTest {

    private static final String PM = "FI-35238-0001";
    private static final String[] FAST_RETRIES = {"--eintervention.delivery.retry-delays=1s,2s,3s,5s,10s",
            "--eintervention.delivery.poll-interval=1s"};
    /** an OC answers a test at most this long after it (its feed is quiet here: nothing else tells it has settled) */
    private static final String SETTLING = "--eintervention.oc.line-tests.max-settling-delay=1s";

    private ServiceProcess auth;
    private ServiceProcess oi;
    private ServiceProcess oc01;
    private ServiceProcess oc02;
    private ServiceProcess gateway;
    private ChromeDriver browser;
    private JsonHttp operatorAtOi;
    private String app;

    @BeforeAll
    void start() {
        int gatewayPort = ServiceProcess.freePort();
        String gatewayUrl = "http://127.0.0.1:" + gatewayPort;
        app = gatewayUrl + "/app/";
        auth = ServiceProcess.of("lt-auth", "auth-server");
        String issuer = "--AUTH_ISSUER=" + auth.url();
        // the OI sends M6TX to the DO: its client may write the impacted customers too
        auth = ServiceProcess.of("lt-auth", "auth-server", issuer, "--PORT=" + auth.port(),
                "--TECHNICIAN_APP_REDIRECT_URIS=" + app,
                "--eintervention.auth-server.clients.OI01.scopes=write:interventions,write:clients").onPort(auth.port());
        oi = ServiceProcess.of("lt-oi", "oi-service", concat(FAST_RETRIES, issuer,
                "--eintervention.oi.line-tests.minimum-delay=1s",
                // the OI presents itself to the DO (M6TX) as it does to the OCs
                "--eintervention.outbound.DO01.auth.type=oauth2",
                "--eintervention.outbound.DO01.auth.token-uri=" + auth.url() + "/oauth2/token",
                "--eintervention.outbound.DO01.auth.client-id=OI01",
                "--eintervention.outbound.DO01.auth.client-secret=demo-oi01-secret"));
        String oiUrl = oi.url();
        oc01 = ServiceProcess.of("lt-oc01", "oc-adapter", concat(FAST_RETRIES, issuer, SETTLING, "--OC_CODE=OC01",
                "--OC_CLIENT_SECRET=demo-oc01-secret", "--eintervention.oc.code=OC01",
                "--eintervention.oc.partners.OI01.base-url=" + oiUrl, "--eintervention.oc.partners.OI01.protocol-version=v2"));
        oc02 = ServiceProcess.of("lt-oc02", "oc-adapter", concat(FAST_RETRIES, issuer, SETTLING, "--OC_CODE=OC02",
                "--OC_CLIENT_SECRET=demo-oc02-secret", "--eintervention.oc.code=OC02",
                "--eintervention.oc.partners.OI01.base-url=" + oiUrl, "--eintervention.oc.partners.OI01.protocol-version=v2"));
        gateway = ServiceProcess.of("lt-do", "do-gateway", concat(FAST_RETRIES, issuer, "--eintervention.do.code=DO01",
                "--eintervention.do.ois.OI01.base-url=" + oiUrl, "--eintervention.do.ois.OI01.protocol-version=v2"))
                .onPort(gatewayPort);
        auth.start();
        oi.start();
        operatorAtOi = oi.http().withToken(auth.token("operator", "demo-operator-secret"));
        partner("OC01", "{\"name\":\"OC01\",\"baseUrl\":\"" + oc01.url() + "\",\"flux3\":true,\"protocolVersion\":\"v2\"}");
        partner("OC02", "{\"name\":\"OC02\",\"baseUrl\":\"" + oc02.url() + "\",\"flux3\":true,\"protocolVersion\":\"v2\"}");
        partner("DO01", "{\"name\":\"DO01\",\"baseUrl\":\"" + gatewayUrl + "\",\"flux3\":false,\"actsAsDo\":true,"
                + "\"protocolVersion\":\"v2\"}");
        Stream.of(oc01, oc02, gateway).parallel().forEach(ServiceProcess::start);
        browser = Chromium.phone();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        List<ServiceProcess> services = Stream.of(gateway, oc02, oc01, oi, auth).filter(Objects::nonNull).toList();
        services.forEach(ServiceProcess::signalStop);
        services.forEach(ServiceProcess::close);
    }

    @Test
    @Order(1)
    void theTechnicianSignsIn() {
        openApp();
        browser.findElement(By.id("signin")).click();
        await("the login form").atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys("technicien");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await("back in the app, signed in").atMost(Duration.ofSeconds(30))
                .until(() -> browser.getCurrentUrl().equals(app) && ready() && visible("screen-home"));
        await("the service worker controls the page").atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(browser.executeScript("return !!navigator.serviceWorker.controller")));
    }

    @Test
    @Order(2)
    void aCustomerCutIsListedWithinTenSecondsOfTheTapThenShownRestoredBeforeFin() {
        String id = startAt(PM);
        String pto = "FI-0001-4242";
        Instant down = Instant.now();
        outage(oc01, pto, down, null);
        afterTheSecondOf(down);

        Instant tapped = tapTest(id);
        await("the customer cut listed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> ocLines(id, "1", "OC01").contains(pto) && ocLines(id, "1", "OC02").contains("aucun client coupé"));
        screenshot("line-tests-1-client-coupe");
        assertThat(testSummary(id, "1")).contains("1 client coupé").contains("OC01");

        // the OI relayed the test to both OCs, and what each answered to the DO
        JsonNode capture = capture(id);
        String refOi = capture.path("view").path("refIntervOi").asString();
        JsonNode deliveries = operatorAtOi.get("/admin/deliveries?subject=" + refOi).json();
        assertThat(deliveries.path("items").valueStream().filter(d -> d.path("kind").asString().equals("M4TX"))
                .map(d -> d.path("partner").asString()).sorted().toList()).containsExactly("OC01", "OC02");
        assertThat(capture.path("tests").get(0).path("dateTest").asString()).satisfies(dateTest ->
                assertThat(Duration.between(tapped, OffsetDateTime.parse(dateTest).toInstant()).abs()).isLessThan(Duration.ofSeconds(2)));

        // the technician repairs: the line comes back; a second test shows it restored
        Instant up = Instant.now();
        outage(oc01, pto, down, up);
        afterTheSecondOf(up);
        tapTest(id);
        await("the line restored").atMost(Duration.ofSeconds(30))
                .until(() -> ocLines(id, "2", "OC01").contains(pto + " rétabli"));
        assertThat(testSummary(id, "2")).contains("1 ligne rétablie");
        screenshot("line-tests-2-ligne-retablie");

        // Fin
        tapInList(".open[data-capture='" + id + "'] .end-button");
        await("the end acknowledged by the OI").atMost(Duration.ofSeconds(60)).until(() -> "ok".equals(cardStatus(id))
                && capture(id).hasNonNull("end"));
        JsonNode atOi = operatorAtOi.get("/consultation/interventions/" + refOi).json();
        assertThat(atOi.path("messages").valueStream().map(m -> m.path("kind").asString()).toList())
                .startsWith("M1").contains("M3");
    }

    @Test
    @Order(3)
    void aTestAskedWithTheNetworkCutIsSentWhenItIsBackAndItsAnswerShown() {
        String id = startAt(PM);
        String pto = "FI-0001-4343";
        Instant down = Instant.now();
        outage(oc01, pto, down, null);
        afterTheSecondOf(down);

        offline(true);
        Instant tapped = tapTest(id);
        await("kept on the phone").atMost(Duration.ofSeconds(10))
                .until(() -> testSummary(id, "1").contains("En attente de réseau"));
        screenshot("line-tests-3-hors-ligne");

        offline(false);
        openApp(); // the app is opened again, the network back
        await("the customer cut listed once the network is back").atMost(Duration.ofSeconds(60))
                .until(() -> ocLines(id, "1", "OC01").contains(pto) && ocLines(id, "1", "OC02").contains("aucun client coupé"));
        // the test is the tap's, not the network's return
        assertThat(Duration.between(tapped, OffsetDateTime.parse(capture(id).path("tests").get(0).path("dateTest").asString())
                .toInstant()).abs()).isLessThan(Duration.ofSeconds(2));
        tapInList(".open[data-capture='" + id + "'] .end-button");
        await("the end acknowledged by the OI").atMost(Duration.ofSeconds(60)).until(() -> "ok".equals(cardStatus(id))
                && capture(id).hasNonNull("end"));
    }

    // --- the technician's gestures ---

    /** Début at that PM; waits until the OI acknowledged it (a test needs the OI's reference). */
    private String startAt(String pm) {
        tap(By.id("new"));
        await().atMost(Duration.ofSeconds(10)).until(() -> visible("screen-new") && browser.findElement(By.id("pm")).isDisplayed());
        browser.findElement(By.id("pm")).sendKeys(pm);
        browser.findElement(By.id("start")).click();
        JsonNode capture = await().atMost(Duration.ofSeconds(10)).until(() -> latestCapture(pm), Objects::nonNull);
        String id = capture.path("id").asString();
        await("the start acknowledged by the OI").atMost(Duration.ofSeconds(60)).until(() -> "ok".equals(cardStatus(id)));
        return id;
    }

    /**
     * Waits for the next second after that event: the protocol's times are whole seconds, so a test
     * tapped in the same second as an outage would not see it (its window ends at the tap's second).
     */
    private static void afterTheSecondOf(Instant event) {
        Instant next = event.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        await("past " + next).atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(next));
    }

    /** Taps "Tester les lignes" on that intervention; when. */
    private Instant tapTest(String id) {
        Instant tapped = Instant.now();
        tapInList(".open[data-capture='" + id + "'] .test-button");
        return tapped;
    }

    // --- what the app shows ---

    /** The lines the app shows for that OC under that test (empty while none). */
    private String ocLines(String id, String test, String oc) {
        Object text = browser.executeScript("""
                const list = document.querySelector(".open[data-capture='" + arguments[0] + "'] li.line-test[data-test='"
                    + arguments[1] + "'] ul.oc[data-oc='" + arguments[2] + "']");
                return list ? list.innerText : '';""", id, test, oc);
        return String.valueOf(text);
    }

    private String testSummary(String id, String test) {
        Object text = browser.executeScript("""
                const summary = document.querySelector(".open[data-capture='" + arguments[0] + "'] li.line-test[data-test='"
                    + arguments[1] + "'] .summary");
                return summary ? summary.innerText : '';""", id, test);
        return String.valueOf(text);
    }

    private String cardStatus(String id) {
        return PhoneApp.cardStatus(browser, id);
    }

    private void openApp() {
        browser.get(app);
        await("the app").atMost(Duration.ofSeconds(30)).until(this::ready);
    }

    private boolean ready() {
        return "true".equals(browser.executeScript("return document.body && document.body.dataset.ready"));
    }

    private boolean visible(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    private void tap(By element) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            browser.findElement(element).click();
            return true;
        });
    }

    /** Taps a button of the list, found and tapped in one go (the list may be redrawn in between otherwise). */
    private void tapInList(String selector) {
        PhoneApp.tapInList(browser, selector);
    }

    /** Chromium's offline mode (DevTools protocol): every request of the page and of its service worker fails. */
    private void offline(boolean offline) {
        PhoneApp.offline(browser, offline);
    }

    private JsonNode captures() {
        return PhoneApp.captures(browser);
    }

    private JsonNode capture(String id) {
        return PhoneApp.capture(browser, id);
    }

    private JsonNode latestCapture(String pm) {
        return PhoneApp.latestCapture(browser, pm);
    }

    private void screenshot(String name) {
        PhoneApp.screenshot(browser, name);
    }

    // --- the OI's referential, the OC's outage feed ---

    private void partner(String code, String body) {
        JsonHttp.Response response = operatorAtOi.send(HttpRequest.newBuilder(URI.create(oi.url() + "/admin/referential/partners/" + code))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void outage(ServiceProcess oc, String pto, Instant down, Instant up) {
        JsonHttp.Response response = oc.http().withToken(auth.token("operator", "demo-operator-secret")).post("/outages", """
                [{"PTO":"%s","PM":"%s","PBO":"PT000123","Tube":"T1","Fibre":"F1","Position_PM_Module_OI":"M1-P1",
                  "downAt":"%s",%s"cause":"LOSS_OF_SIGNAL","terminated":false}]""".formatted(pto, PM, down,
                up == null ? "" : "\"upAt\":\"" + up + "\","));
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
