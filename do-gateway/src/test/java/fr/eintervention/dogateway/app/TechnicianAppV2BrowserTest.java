package fr.eintervention.dogateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestTokens;
import fr.eintervention.testsupport.browser.BrowserTest;
import fr.eintervention.testsupport.browser.Chromium;

/**
 * The technician's app in headless Chromium (phone size) against the gateway running for real and
 * a stub OI in v2 over HTTP: the natures of each OI's version, "Tester les lignes" with the OI's
 * M6TX arriving, and the repair report after Fin. The technician is signed in by a token of the
 * test IdP put where the app keeps it (the sign-in itself is the end-to-end test's).
 */
@BrowserTest
class TechnicianAppV2BrowserTest extends DoGatewayTestSupport {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("app.screenshots", "target/app-screenshots"));
    private static final String M6TX_PATH = "/v2/interventions-oi/notification-impacte-clients-oi-do";
    private static final Duration UI = Duration.ofSeconds(30);
    /** four or five hours behind Paris, no daylight saving */
    private static final String PHONE_ZONE = "America/Cayenne";

    private ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void naturesPerVersionLineTestsWithM6txArrivingAndTheRepairReport() {
        OI03.replyWith(request -> request.path().endsWith("/test-intermediaire")
                ? new PartnerStub.Reply(200, "{\"code\":0,\"description\":\"Test " + JsonHttp.parse(request.body()).get("numeroTest").asInt()
                        + " transmis a OC01 OC02\",\"refIntervOI\":\"OI03-" + JsonHttp.parse(request.body()).get("refIntervDO").asString() + "\"}")
                : v2Ok("OI03-" + JsonHttp.parse(request.body()).path("refIntervDO").asString()));
        String technician = newTechnician();
        browser = Chromium.phone();
        // a phone set to another zone than the protocol's: every time still reads in Europe/Paris
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", PHONE_ZONE));
        String app = "http://127.0.0.1:" + port + "/app/";
        browser.get(app);
        await().atMost(UI).until(this::ready);
        Object stored = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const request = indexedDB.open('e-intervention', 1);
                request.onsuccess = () => {
                  const tx = request.result.transaction('kv', 'readwrite');
                  tx.objectStore('kv').put({accessToken: arguments[0], expiresAt: Date.now() + 3600000}, 'token');
                  tx.objectStore('kv').put(arguments[1], 'technicianId');
                  tx.oncomplete = () => { request.result.close(); done(true); };
                };
                request.onerror = () => done(false);
                """, TestTokens.tokenWithoutPartner(technician, "field"), technician);
        assertThat(stored).isEqualTo(true);
        browser.navigate().refresh();
        await().atMost(UI).until(() -> ready() && browser.findElement(By.id("screen-home")).isDisplayed());

        // the natures of each OI's version
        click(By.id("new"));
        Select oi = new Select(browser.findElement(By.id("oi")));
        await().atMost(UI).until(() -> oi.getOptions().size() == 3);
        oi.selectByValue("OI02");
        await().atMost(UI).until(() -> labels().equals(List.of("RACC", "SAV", "Non fournie")));
        oi.selectByValue("OI03");
        await().atMost(UI).until(() -> labels().size() == 11);
        assertThat(labels()).startsWith("RACC PTO a construire", "RACC PTO existante").contains("SAV OC", "SAV OI", "NON FOURNIE");
        browser.findElement(By.id("pm")).sendKeys("FI-35238-0001");
        screenshot("app-10-natures-v2");
        click(By.xpath("//div[@id='nature-choices']//label[normalize-space(.)='SAV OC']"));
        click(By.id("start"));
        await().atMost(UI).until(() -> text("#open-list").contains("Acquitté par l'OI"));

        // Tester les lignes: the OI relays it, the OCs' answers arrive as M6TX
        click(By.cssSelector("#open-list .test-button"));
        await().atMost(UI).until(() -> text("#open-list .line-test").contains("en attente de OC01, OC02"));
        String ref = browser.findElement(By.cssSelector("#today .card")).getAttribute("data-ref");
        JsonHttp oi03 = JsonHttp.at(port).withToken(TestTokens.token("OI03", "write:clients"));
        assertThat(oi03.post(M6TX_PATH, m6tx("OI03-" + ref, "OC01", 1, true)).status()).isEqualTo(200);
        await().atMost(UI).until(() -> text("#open-list .line-test").contains("1 client coupé chez OC01 ; en attente de OC02"));
        assertThat(text("#open-list .line-test")).contains("PTO FI-1234-5678 coupé à 09:05:30 — PBO PT000123, tube 3, fibre 7");
        screenshot("app-11-test-des-lignes");
        assertThat(oi03.post(M6TX_PATH, m6tx("OI03-" + ref, "OC02", 1, false)).status()).isEqualTo(200);
        await().atMost(UI).until(() -> text("#open-list .line-test").contains("OC02 : aucun client coupé"));
        assertTimesInTheProtocolsZone(ref);

        // a second test: OC01 found nobody cut, OC02 has not answered yet
        click(By.cssSelector("#open-list .test-button"));
        await().atMost(UI).until(() -> text("#open-list .line-test[data-test='2']").contains("en attente de OC01, OC02"));
        assertThat(oi03.post(M6TX_PATH, m6tx("OI03-" + ref, "OC01", 2, false)).status()).isEqualTo(200);
        await().atMost(UI).until(() -> text("#open-list .line-test[data-test='2']")
                .contains("aucun client coupé chez OC01 ; en attente de OC02"));
        // both tests in view, below the app's bar
        browser.executeScript("document.querySelector(\"#open-list .line-test[data-test='1']\").scrollIntoView({block: 'start'});"
                + " window.scrollBy(0, -document.querySelector('header').offsetHeight - 8)");
        screenshot("app-13-tests-par-oc");

        // Fin, then the repair report
        click(By.cssSelector("#open-list .end-button"));
        // the card settles once the OI acknowledged the end and the end's round shows
        await().atMost(UI).until(() -> text("#today .card").contains("Acquitté par l'OI")
                && text("#today .card").contains("Fin d'intervention"));
        await().atMost(UI).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
            click(By.cssSelector("#today .card details.report summary"));
            browser.findElement(By.cssSelector("#today .card details.report input[id^='impacted-']")).sendKeys("FI-1234-5678");
            browser.findElement(By.cssSelector("#today .card details.report input[id^='restored-']")).sendKeys("FI-1234-5678");
            click(By.cssSelector("#today .card .report-button"));
        });
        await().atMost(UI).until(() -> text("#today .card").contains("Compte-rendu acquitté par l'OI"));
        screenshot("app-12-compte-rendu");
        assertThat(OI03.received("/v2/interventions-do/compte-rendu")).anyMatch(request -> request.body().contains(ref));
        // nothing wider than the phone
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth"));
    }

    /**
     * The start and each test are shown at their Paris time though the phone is in {@link #PHONE_ZONE},
     * in the format of a customer's cut (written by the gateway in the protocol's zone).
     */
    private void assertTimesInTheProtocolsZone(String ref) {
        assertThat(browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(PHONE_ZONE);
        String start = JsonHttp.parse(OI03.received("/v2/interventions-do").stream().filter(r -> r.body().contains(ref))
                .findFirst().orElseThrow().body()).get("dateDebutIntervention").asString();
        String dateTest = JsonHttp.parse(OI03.received("/v2/interventions-do/test-intermediaire").stream()
                .filter(r -> r.body().contains(ref)).findFirst().orElseThrow().body()).get("dateTest").asString();
        assertThat(text("#open-list .open")).contains("Début : " + parisTime(start))
                .contains("Test 1 · " + parisTime(dateTest)).contains("coupé à 09:05:30");
        assertThat(text("#today .card")).contains("Début " + parisTime(start));
    }

    private static String parisTime(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).atZoneSameInstant(ZoneId.of("Europe/Paris"))
                .format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    private static String m6tx(String refIntervOi, String oc, int numeroTest, boolean withCustomer) {
        String customer = "{\"refPTO\":\"FI-1234-5678\",\"refPBO\":\"PT000123\",\"tube\":\"3\",\"fibre\":\"7\",\"nomModulePM\":\"M2\","
                + "\"positionModulePM\":\"12\",\"positionCoupleurOC\":\"4\",\"dateChangementEtat\":\"2026-11-24T09:05:30+01:00\"}";
        return "{\"message\":\"M6TX\",\"refIntervOI\":\"" + refIntervOi + "\",\"numeroTest\":" + numeroTest
                + ",\"codeOCImpacte\":\"" + oc
                + "\",\"nombreOC\":2,\"multiInterventionOI\":false,\"reparation\":false,\"clientHSOC\":["
                + (withCustomer ? customer : "") + "],\"ligneClientRetablie\":[]}";
    }

    private List<String> labels() {
        return browser.findElements(By.cssSelector("#nature-choices label")).stream().map(WebElement::getText)
                .map(String::trim).toList();
    }

    /** The text shown by the first element matching, read in one go (the list may be redrawn meanwhile). */
    private String text(String css) {
        Object text = browser.executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css);
        return text == null ? "" : text.toString();
    }

    private void click(By by) {
        WebElement element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private boolean ready() {
        return "true".equals(browser.executeScript("return document.body && document.body.dataset.ready"));
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
