package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.browser.BrowserTest;
import fr.eintervention.testsupport.browser.Chromium;
import tools.jackson.databind.JsonNode;

/**
 * The technician's app in the system's headless Chromium (a phone-sized window), against the real
 * services run as processes: the demo auth-server (sign-in with PKCE), the DO gateway serving the
 * app, and a real OI that receives M1 and M3. What the technician does, tap by tap; what the OI
 * received, checked at the OI. The network is cut by stopping the gateway (its port refuses every
 * connection, the service worker's requests included) and, for the page, by Chromium's offline
 * emulation (DevTools protocol): the app must open from its cache, keep the captures, and send them
 * once the network is back, after the app was closed.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TechnicianAppBrowserTest {

    private static final String PM = "FI-35238-0001";
    private static final String UNKNOWN_PM = "FI-99999-9999";
    private static final String[] FAST_RETRIES = {"--eintervention.delivery.retry-delays=1s,2s,3s,5s,10s",
            "--eintervention.delivery.poll-interval=1s"};

    private ServiceProcess auth;
    private ServiceProcess oi;
    private ServiceProcess gateway;
    private ChromeDriver browser;
    private JsonHttp operatorAtOi;
    private String app;

    @BeforeAll
    void start() {
        int gatewayPort = ServiceProcess.freePort();
        app = "http://127.0.0.1:" + gatewayPort + "/app/";
        auth = ServiceProcess.of("app-auth", "auth-server");
        String issuer = "--AUTH_ISSUER=" + auth.url();
        auth = ServiceProcess.of("app-auth", "auth-server", issuer, "--PORT=" + auth.port(),
                "--TECHNICIAN_APP_REDIRECT_URIS=" + app).onPort(auth.port());
        oi = ServiceProcess.of("app-oi", "oi-service", concat(FAST_RETRIES, issuer));
        gateway = ServiceProcess.of("app-do", "do-gateway", concat(FAST_RETRIES, issuer, "--eintervention.do.code=DO01",
                "--eintervention.do.ois.OI01.base-url=" + oi.url())).onPort(gatewayPort);
        auth.start();
        oi.start();
        gateway.start();
        operatorAtOi = oi.http().withToken(auth.token("operator", "demo-operator-secret"));
        browser = Chromium.phone();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        List<ServiceProcess> services = Stream.of(gateway, oi, auth).filter(Objects::nonNull).toList();
        services.forEach(ServiceProcess::signalStop);
        services.forEach(ServiceProcess::close);
    }

    @Test
    @Order(1)
    void theTechnicianSignsInOnceWithTheAuthorizationServer() {
        openApp();
        screenshot("app-1-connexion");
        browser.findElement(By.id("signin")).click();

        await("the login form").atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("username")).isEmpty());
        screenshot("app-1b-formulaire");
        browser.findElement(By.id("username")).sendKeys("technicien");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        await("back in the app, signed in").atMost(Duration.ofSeconds(30))
                .until(() -> browser.getCurrentUrl().equals(app) && ready() && visible("screen-home"));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Connecté : technicien");
        await("the service worker controls the page").atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(browser.executeScript("return !!navigator.serviceWorker.controller")));
    }

    @Test
    @Order(2)
    void startAndEndOnlineReachTheOiAsM1ThenM3WithTheTappedTimes() {
        newIntervention();
        // the example shows as written (what is typed shows in capitals)
        assertThat(browser.executeScript("return getComputedStyle(document.getElementById('pm'), '::placeholder').textTransform"))
                .isEqualTo("none");
        browser.findElement(By.id("pm")).sendKeys("35238-00");
        // the DO's own list, suggested
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#pm-suggestions button")).isEmpty());
        screenshot("app-2-nouvelle-intervention");
        browser.findElement(By.cssSelector("#pm-suggestions button[data-pm='" + PM + "']")).click();
        browser.findElement(By.cssSelector("input[name=nature][value='1']")).click();
        browser.findElement(By.id("start")).click();

        JsonNode capture = await().atMost(Duration.ofSeconds(10)).until(() -> latestCapture(PM), Objects::nonNull);
        screenshot("app-3-en-cours");
        tapInList(".open[data-capture='" + capture.path("id").asString() + "'] .end-button");

        String id = capture.path("id").asString();
        await("acknowledged by the OI").atMost(Duration.ofSeconds(60)).until(() -> "ok".equals(cardStatus(id)));
        screenshot("app-4-acquittee");
        capture = capture(id);
        assertThat(cardText(id)).contains("Acquitté par l'OI — réf. " + capture.path("view").path("refIntervOi").asString());
        // the OI's reference whole on one line, never broken at a hyphen
        assertThat(browser.executeScript("""
                const ref = document.querySelector("[data-capture='" + arguments[0] + "'] .status .ref");
                return new Set(Array.from(ref.getClientRects()).map(r => Math.round(r.top))).size""", id)).isEqualTo(1L);

        JsonNode atOi = operatorAtOi.get("/consultation/interventions/" + capture.path("view").path("refIntervOi").asString()).json();
        assertThat(Instant.parse(atOi.path("intervention").path("debutInter").asString()))
                .isEqualTo(OffsetDateTime.parse(capture.path("start").asString()).toInstant());
        assertThat(Instant.parse(atOi.path("intervention").path("finInter").asString()))
                .isEqualTo(OffsetDateTime.parse(capture.path("end").asString()).toInstant());
        assertThat(atOi.path("intervention").path("pm").asString()).isEqualTo(PM);
        assertThat(received(atOi)).containsExactly("M1 NEW", "M3 NEW");
        // the device's clock, measured on each contact, went with both taps (here: on time)
        assertThat(capture.path("startClockOffset").isNumber()).isTrue();
        assertThat(Math.abs(capture.path("startClockOffset").asInt())).isLessThanOrEqualTo(2);
        assertThat(capture.path("view").path("startClockOffsetSeconds").asInt()).isEqualTo(capture.path("startClockOffset").asInt());
        assertThat(capture.path("view").path("endClockOffsetSeconds").asInt()).isEqualTo(capture.path("endClockOffset").asInt());
    }

    @Test
    @Order(3)
    void capturedWithNoNetworkBothTapsAreSentOnceItIsBackEvenAfterTheAppWasClosed() {
        offline(true);
        assertThat(browser.executeScript("return navigator.onLine")).isEqualTo(false);
        assertThat(pageFetch("/actuator/health")).as("the gateway is up, the page is offline").isEqualTo("failed");
        // and the gateway down too: no request can get through, whatever path it takes
        gateway.stop();
        openAppOffline(); // opens from the service worker's cache: no network, no gateway
        assertThat(visible("screen-home")).isTrue();

        newIntervention();
        browser.findElement(By.id("pm")).sendKeys("35238-0002");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#pm-suggestions button")).isEmpty());
        browser.findElement(By.cssSelector("#pm-suggestions button[data-pm='FI-35238-0002']")).click();
        browser.findElement(By.id("start")).click();
        JsonNode capture = await().atMost(Duration.ofSeconds(10)).until(() -> latestCapture("FI-35238-0002"), Objects::nonNull);
        String id = capture.path("id").asString();
        tapInList(".open[data-capture='" + id + "'] input[value='3']"); // AUCUNE ACTION
        tapInList(".open[data-capture='" + id + "'] .end-button");
        await().atMost(Duration.ofSeconds(10)).until(() -> capture(id).hasNonNull("end"));
        assertThat(cardStatus(id)).isEqualTo("waiting");
        assertThat(cardText(id)).contains("En attente de réseau");
        // a Background Sync is asked for (when the browser fires it is up to the browser: not waited for here)
        assertThat(browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready.then(r => r.sync.getTags()).then(tags => done(tags.join(',')), e => done('none: ' + e));"""))
                .isEqualTo("flush");
        screenshot("app-5-hors-ligne");
        JsonNode captured = capture(id);

        // the app closed, opened again still offline: the captures are there, waiting
        browser.get("about:blank");
        openAppOffline();
        assertThat(cardStatus(id)).isEqualTo("waiting");

        // the app closed; the network comes back; the app is opened again
        browser.get("about:blank");
        Instant back = Instant.now();
        gateway.start();
        offline(false);
        openApp();
        assertThat(pageFetch("/actuator/health")).isEqualTo("reached 200");

        await("acknowledged by the OI").atMost(Duration.ofSeconds(60)).until(() -> "ok".equals(cardStatus(id)));
        JsonNode sent = capture(id);
        assertThat(sent.path("start").asString()).isEqualTo(captured.path("start").asString());
        assertThat(sent.path("end").asString()).isEqualTo(captured.path("end").asString());

        // at the OI: M1 then M3, once, with the times of the taps (before the network came back)
        JsonNode atOi = operatorAtOi.get("/consultation/interventions/" + sent.path("view").path("refIntervOi").asString()).json();
        Instant start = Instant.parse(atOi.path("intervention").path("debutInter").asString());
        Instant end = Instant.parse(atOi.path("intervention").path("finInter").asString());
        assertThat(start).isEqualTo(OffsetDateTime.parse(captured.path("start").asString()).toInstant()).isBefore(back);
        assertThat(end).isEqualTo(OffsetDateTime.parse(captured.path("end").asString()).toInstant()).isBefore(back);
        assertThat(received(atOi)).containsExactly("M1 NEW", "M3 NEW");
        assertThat(atOi.path("natures").toString()).contains("\"nature\":3");
        JsonNode sameStart = operatorAtOi.get("/consultation/interventions?pm=FI-35238-0002&codeDo=DO01&from="
                + start + "&to=" + start.plus(1, ChronoUnit.SECONDS)).json();
        assertThat(sameStart.path("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aRefusalOfTheOiIsShownInPlainWordsThenCorrectedAndAccepted() {
        newIntervention();
        browser.findElement(By.id("pm")).sendKeys(UNKNOWN_PM);
        browser.findElement(By.id("start")).click();
        JsonNode capture = await().atMost(Duration.ofSeconds(10)).until(() -> latestCapture(UNKNOWN_PM), Objects::nonNull);
        String id = capture.path("id").asString();

        await("refused by the OI").atMost(Duration.ofSeconds(60)).until(() -> "ko".equals(cardStatus(id)));
        assertThat(cardText(id)).contains("Refusé par l'OI : PM inconnu de l'OI");
        screenshot("app-6-refus-oi");
        tapInList("#today li[data-capture='" + id + "'] .fix-button");
        assertThat(visible("screen-fix")).isTrue();
        WebElement pm = browser.findElement(By.id("fix-pm"));
        pm.clear();
        pm.sendKeys(PM);
        screenshot("app-7-correction");
        browser.findElement(By.id("resend")).click();

        await("corrected and acknowledged").atMost(Duration.ofSeconds(60)).until(() -> "ok".equals(cardStatus(id)));
        JsonNode corrected = capture(id);
        JsonNode atOi = operatorAtOi.get("/consultation/interventions/" + corrected.path("view").path("refIntervOi").asString()).json();
        assertThat(atOi.path("intervention").path("pm").asString()).isEqualTo(PM);
        assertThat(Instant.parse(atOi.path("intervention").path("debutInter").asString()))
                .isEqualTo(OffsetDateTime.parse(capture.path("start").asString()).toInstant());
        assertThat(received(atOi)).containsExactly("M1 NEW");

        // the day's list, on the narrowest common phone: nothing wider than the screen
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        await().atMost(Duration.ofSeconds(10)).until(() -> (Long) browser.executeScript("return window.innerWidth") <= 360L);
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth"));
        screenshot("app-8-journee");
    }

    @Test
    @Order(5)
    void aTokenExpiredIsRenewedWithoutTheFormBeforeSendingWhatWasCaptured() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
        String expired = String.valueOf(browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const request = indexedDB.open('e-intervention');
                request.onsuccess = () => {
                  const store = request.result.transaction('kv', 'readwrite').objectStore('kv');
                  store.get('token').onsuccess = (event) => {
                    const token = event.target.result;
                    store.put({...token, expiresAt: 0}, 'token').onsuccess = () => { done(token.accessToken); request.result.close(); };
                  };
                };"""));
        localStorageRemove("silentSignInAt");

        newIntervention();
        browser.findElement(By.id("pm")).sendKeys("FI-75056-0003");
        browser.findElement(By.id("start")).click();
        JsonNode capture = await().atMost(Duration.ofSeconds(10)).until(() -> latestCapture("FI-75056-0003"), Objects::nonNull);
        String id = capture.path("id").asString();

        // the app goes to the authorization server and back by itself (its login session is still open)
        await("sent with a new token").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> ready() && "ok".equals(cardStatus(id)));
        assertThat(browser.getCurrentUrl()).isEqualTo(app);
        assertThat(tokenOnDevice()).isNotEqualTo(expired);
    }

    @Test
    @Order(6)
    void aDeviceClockFarBehindIsShownAndSentWithTheCapture() {
        // the page's clock 10 minutes behind (the service worker keeps the real one)
        Object script = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const Real = Date;
                  const shift = -600000;
                  class Shifted extends Real {
                    constructor(...args) { if (args.length === 0) { super(Real.now() + shift); } else { super(...args); } }
                    static now() { return Real.now() + shift; }
                  }
                  globalThis.Date = Shifted;
                })();"""));
        try {
            openApp();
            await("the drift shown").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.findElement(By.id("clock-banner")).isDisplayed());
            assertThat(browser.findElement(By.id("clock-banner")).getText()).contains("10 min de retard");
            screenshot("app-9-horloge");

            newIntervention();
            browser.findElement(By.id("pm")).sendKeys("FI-35238-0002");
            browser.findElement(By.id("start")).click();
            JsonNode capture = await().atMost(Duration.ofSeconds(10)).until(() -> latestCapture("FI-35238-0002"),
                    c -> c != null && c.path("startClockOffset").asInt() < -500);
            String id = capture.path("id").asString();
            await("sent").atMost(Duration.ofSeconds(60)).until(() -> "ok".equals(cardStatus(id)));

            JsonNode view = capture(id).path("view");
            assertThat(view.path("startClockOffsetSeconds").asInt()).isBetween(-602, -598);
            assertThat(view.path("warnings").toString()).contains("behind the gateway's when the start was captured");
            // declared as captured on the device: 10 minutes earlier than the real time of the tap
            JsonNode atOi = operatorAtOi.get("/consultation/interventions/" + view.path("refIntervOi").asString()).json();
            assertThat(Instant.parse(atOi.path("intervention").path("debutInter").asString()))
                    .isEqualTo(OffsetDateTime.parse(capture.path("start").asString()).toInstant())
                    .isBefore(Instant.now().minus(9, ChronoUnit.MINUTES));
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", ((Map<?, ?>) script).get("identifier")));
        }
    }

    // --- the browser ---

    private void localStorageRemove(String key) {
        browser.executeScript("localStorage.removeItem(arguments[0])", key);
    }

    private String tokenOnDevice() {
        return String.valueOf(browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const request = indexedDB.open('e-intervention');
                request.onsuccess = () => {
                  request.result.transaction('kv').objectStore('kv').get('token').onsuccess = (event) => {
                    done(event.target.result ? event.target.result.accessToken : null); request.result.close();
                  };
                };"""));
    }

    private void openApp() {
        browser.get(app);
        await("the app").atMost(Duration.ofSeconds(30)).until(this::ready);
    }

    /**
     * Opens the app with no network: the offline mode is applied again to the new page (after a
     * navigation, Chromium 150 gave the new page {@code navigator.onLine} true again).
     */
    private void openAppOffline() {
        openApp();
        offline(true);
        await("the app sees it is offline").atMost(Duration.ofSeconds(10))
                .until(() -> browser.findElement(By.id("network")).getText().equals("Hors ligne"));
        assertThat(pageFetch("/actuator/health")).isEqualTo("failed");
    }

    private boolean ready() {
        return "true".equals(browser.executeScript("return document.body && document.body.dataset.ready"));
    }

    private boolean visible(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    /**
     * Chromium's offline mode (DevTools protocol), as DevTools' "Offline" switch: every request of the
     * page and of its service worker fails, and {@code navigator.onLine} is false.
     */
    private void offline(boolean offline) {
        PhoneApp.offline(browser, offline);
    }

    /** What a request of the page to the gateway gets: "reached" with its status, or "failed". */
    private String pageFetch(String path) {
        return String.valueOf(browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {cache: 'no-store'}).then(r => done('reached ' + r.status), () => done('failed'));""",
                path));
    }

    /** What the day's list says of that capture (read in one go: the list is redrawn every few seconds). */
    private String cardText(String id) {
        return (String) browser.executeScript("const card = document.querySelector(\"#today li[data-capture='\" + arguments[0]"
                + " + \"']\"); return card ? card.innerText : null;", id);
    }

    private String cardStatus(String id) {
        return PhoneApp.cardStatus(browser, id);
    }

    /** Taps "Nouvelle intervention"; its screen then. */
    private void newIntervention() {
        tap(By.id("new"));
        await().atMost(Duration.ofSeconds(10)).until(() -> visible("screen-new") && browser.findElement(By.id("pm")).isDisplayed());
    }

    /** Taps an element, again if the list was redrawn under the finger. */
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

    /** The captures as the app keeps them on the device (IndexedDB). */
    private JsonNode captures() {
        return PhoneApp.captures(browser);
    }

    private JsonNode capture(String id) {
        return PhoneApp.capture(browser, id);
    }

    private JsonNode latestCapture(String pm) {
        return PhoneApp.latestCapture(browser, pm);
    }

    /** What the OI received for that intervention, in order: kind and what it did with it. */
    private static List<String> received(JsonNode detail) {
        return detail.path("messages").valueStream()
                .map(message -> message.path("kind").asString() + " " + message.path("outcome").asString()).toList();
    }

    private void screenshot(String name) {
        PhoneApp.screenshot(browser, name);
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
