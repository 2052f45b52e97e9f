package fr.eintervention.oi.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.ReferentialAdmin;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestTokens;
import fr.eintervention.testsupport.browser.BrowserTest;
import fr.eintervention.testsupport.browser.Chromium;

/**
 * The operations console in the system's headless Chromium, against the OI service running for
 * real (its own database on a real PostgreSQL), two OCs receiving over real HTTP, and the demo
 * auth-server run from its jar, where the operator signs in (authorization code with PKCE).
 * Retries are seconds apart so that an OC's outage plays out within the test.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eintervention.oi.codes=OI01",
                "spring.flyway.locations=classpath:db/migration,classpath:db/sample",
                "eintervention.security.rate-limit.requests-per-second=0",
                "eintervention.delivery.retry-delays=3s,3s",
                "eintervention.delivery.poll-interval=500ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final int AUTH_PORT = AuthServerProcess.freePort();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** the PM of the demo referential where OC01 and OC02 are present */
    private static final String PM = "FI-35238-0001";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

    @DynamicPropertySource
    static void console(DynamicPropertyRegistry registry) {
        registry.add("eintervention.console.issuer-uri", () -> "http://localhost:" + AUTH_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    ReferentialAdmin referential;
    @Autowired
    JdbcClient jdbc;

    private final Map<String, PartnerStub> ocs = Map.of("OC01", PartnerStub.start(), "OC02", PartnerStub.start());
    private AuthServerProcess auth;
    private ChromeDriver browser;
    /** the intervention whose M2 could not reach OC02 */
    private String failedRef;

    @BeforeAll
    void start() {
        ocs.forEach((code, stub) -> referential.savePartner(new Partner(code, "Opérateur " + code, stub.baseUrl(), true, false)));
        auth = AuthServerProcess.start(AUTH_PORT,
                "--eintervention.auth-server.sign-in.apps.ops-console.redirect-uris=" + console("/console/"));
        browser = Chromium.desktop();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (auth != null) {
            auth.close();
        }
        ocs.values().forEach(PartnerStub::close);
    }

    @Test
    @Order(1)
    void anAnonymousVisitorIsSentToSignInAndAPartnersTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(console("/console/interventions")))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/console/oauth2/authorization/ops-console");

        // signing in: the authorization code flow with PKCE, at the auth-server
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(console("/console/oauth2/authorization/ops-console")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow())
                .startsWith(auth.issuer() + "/oauth2/authorize?")
                .contains("client_id=ops-console", "code_challenge=", "code_challenge_method=S256", "scope=operator");

        for (String token : List.of(TestTokens.token("DO01", "write:interventions"), TestTokens.tokenWithoutPartner("operator", "operator"))) {
            HttpResponse<String> partner = http.send(HttpRequest.newBuilder(URI.create(console("/console/interventions")))
                    .header("Authorization", TestTokens.bearer(token)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(partner.statusCode()).as("a bearer token on the console").isEqualTo(401);
        }
    }

    @Test
    @Order(2)
    void someoneWithoutTheOperatorScopeIsRefused() {
        ChromeDriver technician = Chromium.desktop();
        try {
            signIn(technician, "technicien");
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> technician.findElement(By.tagName("h1")).getText().equals("Accès refusé"));
            assertThat(technician.getPageSource()).doesNotContain("Interventions commencées");
        } finally {
            technician.quit();
        }
    }

    @Test
    @Order(3)
    void anInterventionSentByTheDoAppearsOnTodayWithinSecondsAndItsPageShowsM2DeliveredToEachOc() {
        signIn(browser, "operateur");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().startsWith("Aujourd'hui"));
        await().atMost(Duration.ofSeconds(10)).until(browser::getCurrentUrl, url -> url.equals(console("/console/")));

        String refOi = declare(newRef());

        // the page is not reloaded: its live part refreshes itself
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("latest")).getText().contains(refOi));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> Integer.parseInt(cell(browser, "activity", "OC01", "delivered")) >= 1
                        && Integer.parseInt(cell(browser, "activity", "OC02", "delivered")) >= 1);
        screenshot(browser, "aujourdhui");

        browser.findElement(By.linkText(refOi)).click();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            return m2Status(browser, "OC01").equals("DELIVERED") && m2Status(browser, "OC02").equals("DELIVERED");
        });
        assertThat(browser.findElement(By.cssSelector("article[data-oc='OC01'] table.attempts")).getText())
                .contains("M2", "Remis", "DELIVERED", "200 OK");
        assertThat(browser.findElement(By.cssSelector("ul.natures")).getText()).isEqualTo("RACC nature 1 · PBO PT000123 · PTO FI-1234-5678");
        screenshot(browser, "intervention");
    }

    @Test
    @Order(4)
    void anOcMadeToFailShowsItsMessagesWaitingThenFailed() {
        ocs.get("OC02").replyWith(request -> PartnerStub.Reply.status(503));
        failedRef = declare(newRef());

        browser.get(console("/console/interventions/" + failedRef));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            return m2Status(browser, "OC01").equals("DELIVERED") && List.of("PENDING", "SENDING").contains(m2Status(browser, "OC02"));
        });
        screenshot(browser, "intervention-en-attente");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            return m2Status(browser, "OC02").equals("FAILED");
        });
        assertThat(browser.findElement(By.cssSelector("article[data-oc='OC02'] table.attempts")).getText()).contains("503");

        browser.get(console("/console/"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> Integer.parseInt(cell(browser, "activity", "OC02", "failed")) >= 1);
    }

    @Test
    @Order(5)
    void reSendingThemFromEnvoisDeliversThemOnceTheOcIsBack() {
        ocs.get("OC02").replyOk();
        int before = receivedAbout("OC02", failedRef);

        browser.get(console("/console/envois?partenaire=OC02&statut=FAILED"));
        assertThat(browser.findElement(By.id("deliveries")).getText()).contains(failedRef, "FAILED");
        assertThat(browser.findElement(By.id("resendable")).getText()).isEqualTo("1");
        screenshot(browser, "envois-echec");
        browser.findElement(By.id("bulk-resend")).click();

        assertThat(textOf(By.id("confirmation"))).startsWith("1 message(s)").contains("pour OC02");
        screenshot(browser, "renvoi");
        browser.findElement(By.id("confirm-resend")).click();

        assertThat(textOf(By.id("requeued"))).isEqualTo("1 message(s) renvoyé(s).");
        await().atMost(Duration.ofSeconds(30)).until(() -> receivedAbout("OC02", failedRef) == before + 1);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            List<String> resent = rows(browser, "deliveries").stream().filter(row -> row.contains(failedRef)).toList();
            return !resent.isEmpty() && resent.stream().allMatch(row -> row.contains("DELIVERED"));
        });
        screenshot(browser, "envois");

        browser.get(console("/console/interventions/" + failedRef));
        assertThat(m2Status(browser, "OC02")).isEqualTo("DELIVERED");

        // every attempt of the message, the three refused and the one after the re-send
        WebElement message = browser.findElement(By.cssSelector("article[data-oc='OC02'] tr[data-message]"));
        String id = message.getDomAttribute("data-message");
        browser.findElement(By.cssSelector("#attempts-" + id + " summary")).click();
        List<String> attempts = browser.findElements(By.cssSelector("#attempts-" + id + " tr.attempt")).stream()
                .map(row -> row.getDomProperty("textContent").replaceAll("\\s+", " ").trim()).toList();
        assertThat(attempts).hasSize(4);
        assertThat(attempts.subList(0, 3)).allSatisfy(attempt -> assertThat(attempt).contains("HTTP 503"));
        assertThat(attempts.get(0)).contains("En attente", "PENDING");
        assertThat(attempts.get(2)).contains("En échec", "FAILED");
        assertThat(attempts.get(3)).contains("HTTP 200 OK (0)", "Remis", "DELIVERED");
        screenshotOf(browser, "h-ocs", "intervention-tentatives");

        browser.get(console("/console/envois/" + id));
        assertThat(browser.findElements(By.cssSelector("table.attempts-of tr.attempt"))).hasSize(4);
        screenshot(browser, "envoi-tentatives");

        browser.get(console("/console/oc/OC02"));
        assertThat(Integer.parseInt(browser.findElement(By.id("health-attempts")).getText())).isGreaterThanOrEqualTo(4);
        assertThat(Integer.parseInt(browser.findElement(By.id("health-503")).getText())).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.id("health-rate")).getText()).matches("\\d+,\\d % \\(\\d+ réponses OK\\)");
        assertThat(browser.findElement(By.id("health-latency")).getText()).matches("\\d+ ms / \\d+ ms");
        assertThat(browser.findElement(By.id("health-circuit")).getText()).contains("CLOSED");
        assertThat(browser.findElement(By.id("health-oldest")).getText()).isEqualTo("—");
        screenshot(browser, "oc");
        browser.get(console("/console/oc"));
        assertThat(browser.findElement(By.cssSelector("#partners-health tr[data-oc='OC02']")).getText()).startsWith("OC02");
        assertNumbersUnderTheirHeaders("partners-health");
    }

    @Test
    @Order(6)
    void theStatisticsPageShowsTheExpectedCountsForAGeneratedDataSet() throws Exception {
        Instant day = Instant.parse("2031-03-10T08:00:00Z");
        // DOA1: 4 interventions, 1 with 3 impacted customers; DOB2: 2 interventions, both impacted (1 + 2)
        stored("DOA1", "PM-STAT-1", day, 0);
        stored("DOA1", "PM-STAT-1", day.plus(1, ChronoUnit.DAYS), 3);
        stored("DOA1", "PM-STAT-2", day.plus(1, ChronoUnit.DAYS), 0);
        stored("DOA1", "PM-STAT-2", day.plus(3, ChronoUnit.DAYS), 0);
        stored("DOB2", "=HYPERLINK(\"https://evil.example\")", day.plus(4, ChronoUnit.DAYS), 1);
        stored("DOB2", "=HYPERLINK(\"https://evil.example\")", day.plus(5, ChronoUnit.DAYS), 2);
        stored("DOB2", "PM-STAT-3", day.plus(60, ChronoUnit.DAYS), 9); // outside the period

        browser.get(console("/console/statistiques?du=2031-03-01&au=2031-03-31&seuil=2"));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("6");
        assertThat(browser.findElement(By.id("customers")).getText()).isEqualTo("6");
        assertThat(rows(browser, "per-do")).containsExactly("DOA1 4 1 3 25,0 %", "DOB2 2 2 3 100,0 %");
        assertThat(rows(browser, "per-day")).hasSize(5).first().isEqualTo("10/03/2031 1 0 0 0,0 %");
        assertThat(browser.findElements(By.cssSelector("figure.chart text.label")).stream().map(WebElement::getText))
                .contains("10/03/2031").noneMatch(label -> label.matches("\\d{4}-\\d{2}-\\d{2}"));
        assertNumbersUnderTheirHeaders("per-do", "ranking");
        assertThat(rows(browser, "ranking")).containsExactly("=HYPERLINK(\"https://evil.example\") 2 2 3 100,0 %",
                "PM-STAT-1 2 1 3 50,0 %", "PM-STAT-2 2 0 0 0,0 %");
        assertThat(browser.findElements(By.cssSelector("figure.chart svg rect.bar"))).hasSize(5 + 5 + 2 + 2 + 3 + 3);
        screenshot(browser, "statistiques");

        browser.get(console("/console/statistiques?seuil=beaucoup"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Requête refusée");
        browser.get(console("/console/interventions/OI01-NOPE"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Introuvable");

        String csv = download("/console/statistiques/pm.csv?du=2031-03-01&au=2031-03-31");
        assertThat(csv).contains("'=HYPERLINK(\"\"https://evil.example\"\")\";2;2;3;1.0")
                .doesNotContain(";=HYPERLINK", "\n=HYPERLINK");
        assertThat(download("/console/statistiques/do.csv?du=2031-03-01&au=2031-03-31"))
                .isEqualTo("\uFEFFCode_DO;Interventions;Interventions avec clients impactes;Clients impactes;Taux\r\n"
                        + "DOA1;4;1;3;0.25\r\nDOB2;2;2;3;1.0\r\n");
    }

    @Test
    @Order(7)
    void aPmFileIsImportedWithItsProgressAndAFileWithFaultsIsRejectedWithItsReport() throws IOException {
        Path good = Files.createTempFile("console-import-", ".csv");
        Files.writeString(good, "PM;Code_OI;OC\nPM-IMPORT-1;OI01;OC01|OC02\nPM-IMPORT-2;OI01;OC02\nPM-IMPORT-3;OI01;\n");
        browser.get(console("/console/referentiel"));
        assertThat(browser.findElement(By.id("import-replace-warning")).isDisplayed()).as("merge: no confirmation").isFalse();
        browser.findElement(By.id("import-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();

        // the answer to the upload is the job just received; what follows comes from polling it
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("import-job")).getDomAttribute("data-status").equals("APPLIED"));
        assertThat(textOf(By.id("import-outcome"))).isEqualTo("Import appliqué : 3 ajouté(s), 0 mis à jour, 0 retiré(s).");
        assertThat(browser.findElement(By.cssSelector("#import-job h3")).getText()).endsWith("(PM, fusion) : appliqué");
        assertThat(browser.findElement(By.id("import-progress")).getDomProperty("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("import-percentage")).getText()).isEqualTo("100 %");
        assertThat(browser.findElement(By.id("import-lines")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.id("import-fault-count")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("import-job")).getDomAttribute("hx-get")).as("polling ends with the job").isNull();
        assertThat(browser.findElement(By.id("import-status")).getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.getCurrentUrl()).contains("/console/referentiel?import=");

        browser.get(console("/console/referentiel?pm=PM-IMPORT-"));
        assertThat(shownRows("pms")).containsExactly("PM-IMPORT-1 OI01 OC01, OC02 voir", "PM-IMPORT-2 OI01 OC02 voir",
                "PM-IMPORT-3 OI01 aucun voir");

        // a replacing file with faults: 28 of them, over two pages of the report; nothing applied, nothing retired
        StringBuilder faulty = new StringBuilder("PM;Code_OI;OC\n")
                .append("bad code!;OI01;OC01\n")               // line 2: PM
                .append("PM-IMPORT-1;OI09;OC02\n");            // line 3: Code_OI
        for (int i = 1; i <= 25; i++) {
            faulty.append("PM-BAD-%02d;OI01;OC99\n".formatted(i)); // lines 4 to 28: OC
        }
        faulty.append("PM-IMPORT-5;OI01;OC01\nPM-IMPORT-5;OI01;OC02\n"); // line 30: PM twice
        Path bad = Files.createTempFile("console-import-", ".csv");
        Files.writeString(bad, faulty);
        browser.get(console("/console/referentiel"));
        browser.findElement(By.cssSelector("input[name=mode][value=replace]")).click();
        assertThat(browser.findElement(By.id("import-replace-warning")).getText())
                .contains("les PM absents du fichier seront retirés");
        browser.findElement(By.id("import-confirm")).click();
        browser.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("import-job")).getDomAttribute("data-status").equals("REJECTED"));
        assertThat(textOf(By.id("import-outcome"))).startsWith("Import rejeté : 28 défaut(s), rien n'a été appliqué.");
        assertThat(browser.findElement(By.cssSelector("#import-job h3")).getText()).endsWith("(PM, remplacement) : rejeté");
        assertThat(browser.findElement(By.id("import-progress")).getDomProperty("value")).isEqualTo("100");
        assertThat(textOf(By.id("import-fault-range"))).isEqualTo("Défauts 1 à 20 sur 28");
        List<String> faults = shownRows("import-faults");
        assertThat(faults).hasSize(20);
        assertThat(faults.get(0)).startsWith("2 PM not a PM code");
        assertThat(faults.get(1)).startsWith("3 Code_OI OI09 is not one of this OI's codes");
        assertThat(faults.get(2)).startsWith("4 OC OC99 is not a partner");
        screenshotOf(browser, "import", "import");

        browser.findElement(By.cssSelector("#import-report a[rel=next]")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("import-fault-range")).getText().equals("Défauts 21 à 28 sur 28"));
        assertThat(shownRows("import-faults")).hasSize(8).last().asString().startsWith("30 PM already on line 29");

        browser.get(console("/console/referentiel?pm=PM-IMPORT-"));
        assertThat(shownRows("pms")).as("nothing applied, nothing retired")
                .containsExactly("PM-IMPORT-1 OI01 OC01, OC02 voir", "PM-IMPORT-2 OI01 OC02 voir", "PM-IMPORT-3 OI01 aucun voir");
        browser.get(console("/console/referentiel?pm=" + PM));
        assertThat(shownRows("pms")).singleElement().asString().startsWith(PM + " OI01");

        // a file larger than the service's body limit for other requests (256KB) is the import's to judge
        StringBuilder large = new StringBuilder("PM;Code_OI;OC\n");
        for (int i = 1; i <= 12_000; i++) {
            large.append("PM-GRAND-%05d;OI01;OC99\n".formatted(i));
        }
        assertThat(large.length()).isGreaterThan(256 * 1024);
        Path big = Files.createTempFile("console-import-", ".csv");
        Files.writeString(big, large);
        browser.get(console("/console/referentiel"));
        browser.findElement(By.id("import-file")).sendKeys(big.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("import-job")).getDomAttribute("data-status").equals("REJECTED"));
        assertThat(textOf(By.id("import-fault-range"))).isEqualTo("Défauts 1 à 20 sur 12 000 (les 1 000 premiers sont conservés)");
        assertThat(browser.findElement(By.id("import-lines")).getText()).isEqualTo("12 001");

        // replacing without the confirmation is refused by the service too, not only by the form
        Object refused = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = JSON.parse(document.body.getAttribute('hx-headers'));
                headers['Content-Type'] = 'text/csv';
                fetch('/console/referentiel/imports?mode=replace', {method: 'POST', headers: headers, body: 'PM;Code_OI;OC\\n'})
                    .then(r => r.text().then(t => done(r.status + ' ' + t)));""");
        assertThat(refused).asString().startsWith("400 ").contains("Remplacement non confirmé");
    }

    @Test
    @Order(8)
    void anInterventionsPageShowsItsM5WhenItArrivesWithoutBeingReloaded() {
        // an intervention over (M1 then M3): the OCs may answer with their M5
        String refDo = newRef();
        OffsetDateTime start = OffsetDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS).minusMinutes(10);
        String refOi = declare(refDo, start, null);
        declare(refDo, start, start.plusMinutes(9));
        browser.get(console("/console/interventions/" + refOi));
        assertThat(browser.findElement(By.id("operators")).getDomAttribute("data-live")).isEqualTo("true");
        browser.executeScript("document.body.dataset.loadedOnce = 'yes'");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> m2Status(browser, "OC01").equals("DELIVERED"));

        String cut = start.plusMinutes(5).toString();
        JsonHttp.Response m5 = JsonHttp.at(port).as("OC01", "write:clients").post("/v1/client_HS_OC_Par_Inter", """
                {"Code_OC_impacte":"OC01","Ref_Interv_OI":"%s","Liste_Clients_HS":[{"PTO":"FI-0001-0042","PBO":"PT000123",
                 "Tube":"T1","Fibre":"F3","Position_PM_Module_OI":"M2-P14","HMS_Coupure":"%s"}]}""".formatted(refOi, cut));
        assertThat(m5.status()).as(m5.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector("article[data-oc='OC01'] .status[data-kind='M5']")).getDomAttribute("data-status").equals("RECEIVED"));
        assertThat(browser.findElement(By.cssSelector("article[data-oc='OC01'] table.customers")).getText()).contains("FI-0001-0042");
        assertThat(browser.executeScript("return document.body.dataset.loadedOnce")).as("the same page, not reloaded").isEqualTo("yes");
    }

    @Test
    @Order(9)
    void aPartOfEitherReferenceFindsTheInterventionAndTodaysNumbersSitUnderTheirHeaders() {
        String refDo = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-PART";
        String refOi = declare(refDo);
        for (String part : List.of(refOi.substring(refOi.length() - 8).toLowerCase(), refDo.substring(8, 16))) {
            browser.get(console("/console/interventions"));
            browser.findElement(By.name("reference")).sendKeys(part);
            browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> browser.findElement(By.cssSelector(".count")).getText().equals("1 intervention(s)"));
            assertThat(browser.findElement(By.id("interventions")).getText()).as(part).contains(refOi, refDo);
        }
        // the field holds a whole Ref_Interv_OI, and at 1280 px references and PMs stay on one line
        Number field = (Number) browser.executeScript("return document.querySelector('input[name=reference]').clientWidth");
        Number text = (Number) browser.executeScript("""
                const probe = document.createElement('span');
                probe.style.font = getComputedStyle(document.querySelector('input[name=reference]')).font;
                probe.textContent = arguments[0];
                document.body.appendChild(probe);
                return probe.getBoundingClientRect().width;""", refOi);
        assertThat(field.doubleValue()).isGreaterThan(text.doubleValue());
        browser.get(console("/console/interventions?du=" + java.time.LocalDate.now(PARIS)));
        assertOnOneLine("#interventions td.ref");

        browser.get(console("/console/"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> !shownRows("activity").isEmpty());
        assertNumbersUnderTheirHeaders("activity", "m5", "latest");
        assertOnOneLine("#latest td.ref");
    }

    @Test
    @Order(11)
    void anInterventionRelayedToAnOcOfTheOtherVersionShowsWhatWasLostInFrench() {
        // OC02 speaks v2: a v1 M1 with two PBOs reaches it as a v2 M2, which carries one refPBO (decision 0028)
        PartnerStub oc02 = ocs.get("OC02");
        referential.savePartner(new Partner("OC02", "Opérateur OC02", oc02.baseUrl(), true, false, Partner.V2));
        oc02.replyWith(request -> new PartnerStub.Reply(200, "{\"code\":0,\"refIntervOI\":\"x\"}"));
        try {
            JsonHttp.Response answer = JsonHttp.at(port).as("DO01", "write:interventions").post("/v1/intervention_DO", """
                    {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"%s",
                     "Nature_PBO_PTO":[{"nature":1,"PBO":"PT000123","PTO":"FI-1234-5678"},{"nature":2,"PBO":"PT000456"}],
                     "Debut_Inter":"%s"}""".formatted(newRef(), PM, OffsetDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            String refOi = answer.text("Ref_Interv_OI");

            browser.get(console("/console/interventions/" + refOi));
            WebElement losses = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                browser.navigate().refresh();
                return browser.findElement(By.cssSelector("article[data-oc='OC02'] .losses"));
            }, WebElement::isDisplayed);
            assertThat(losses.findElement(By.cssSelector(".flag")).getText()).isEqualTo("relayée avec perte");
            assertThat(losses.findElement(By.tagName("caption")).getText()).isEqualTo("Ce que la version de OC02 n'a pas pu porter");
            assertThat(losses.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText))
                    .containsExactly("Message", "Envoyé", "Champ", "Valeur", "Raison", "Le");
            List<WebElement> lost = losses.findElements(By.cssSelector("tbody tr"));
            assertThat(lost).hasSize(1);
            assertThat(lost.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList().subList(0, 5))
                    .containsExactly("M2", "oui", "PBO[1]", "PT000456", "v2 M2: un seul refPBO; nomme dans description");
            assertThat(lost.get(0).findElements(By.tagName("td")).get(5).getText())
                    .as("the date in the console's one format").matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");
            // OC01, still v1, lost nothing
            assertThat(browser.findElements(By.cssSelector("article[data-oc='OC01'] .losses"))).isEmpty();
            screenshot(browser, "intervention-relayee-avec-perte");
        } finally {
            referential.savePartner(new Partner("OC02", "Opérateur OC02", oc02.baseUrl(), true, false));
            oc02.replyOk();
        }
    }

    @Test
    @Order(12)
    void interventionsAreFoundByEitherReferenceAndTheReferentialIsEditedThenTheOperatorSignsOut() throws Exception {
        String refDo = newRef();
        String refOi = declare(refDo);
        browser.get(console("/console/interventions"));
        browser.findElement(By.name("reference")).sendKeys(refDo);
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector(".count")).getText().equals("1 intervention(s)"));
        assertThat(browser.findElement(By.id("interventions")).getText()).contains(refOi, refDo, PM);
        browser.get(console("/console/interventions?du=" + java.time.LocalDate.now(PARIS)));
        screenshot(browser, "interventions");

        browser.get(console("/console/referentiel"));
        assertThat(browser.findElement(By.id("partners")).getText()).contains("OC01", ocs.get("OC01").baseUrl())
                .doesNotContainIgnoringCase("secret");
        browser.findElement(By.xpath("//summary[contains(., 'Ajouter ou modifier un PM')]")).click();
        WebElement form = browser.findElement(By.cssSelector("form[action$='/console/referentiel/pms']"));
        form.findElement(By.name("code")).sendKeys("PM-CONSOLE-1");
        form.findElement(By.name("codeOi")).sendKeys("OI01");
        form.findElement(By.name("operators")).sendKeys("OC01, OC02");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(textOf(By.cssSelector(".notice"))).isEqualTo("PM PM-CONSOLE-1 enregistré.");
        assertThat(browser.findElement(By.id("pms")).getText()).contains("PM-CONSOLE-1 OI01 OC01, OC02");
        browser.get(console("/console/referentiel"));
        screenshot(browser, "referentiel");

        // on a tablet
        browser.manage().window().setSize(new Dimension(820, 1180));
        browser.get(console("/console/"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElement(By.id("activity")).isDisplayed());
        Files.write(SCREENSHOTS.resolve("console-tablette.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.cssSelector("header .who button")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("h1")).getText().equals("Vous êtes déconnecté de la console"));
        HttpResponse<String> afterwards = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(console("/console/"))).header("Cookie", "OI_CONSOLE_SESSION="
                        + browser.manage().getCookieNamed("OI_CONSOLE_SESSION").getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.statusCode()).as("the session that was signed in is over").isEqualTo(302);
    }

    @Test
    @Order(10)
    void theLineTestsOfAnInterventionAreOnItsTimelineAndTodayCountsThoseWaitingForAnOc() {
        // DO01 speaks v2 and receives M6TX; OC01 and OC02 speak v2 and are asked each test
        try (PartnerStub doGateway = PartnerStub.start()) {
            PartnerStub.Reply v2Ok = new PartnerStub.Reply(200, "{\"code\":0,\"refIntervOI\":\"x\"}");
            doGateway.replyWith(request -> v2Ok);
            ocs.values().forEach(stub -> stub.replyWith(request -> v2Ok));
            ocs.forEach((code, stub) -> referential.savePartner(new Partner(code, "Opérateur " + code, stub.baseUrl(), true, false, "v2")));
            referential.savePartner(new Partner("DO01", "Donneur d'ordre 1", doGateway.baseUrl(), false, true, "v2"));
            try {
                String refDo = newRef();
                String refOi = declare(refDo, OffsetDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS).minusMinutes(10), null);
                JsonHttp do01 = JsonHttp.at(port).as("DO01", "write:interventions");
                String now = OffsetDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS).toString();
                assertThat(do01.post("/v2/interventions-do/test-intermediaire", """
                        {"codeDO":"DO01","codeOI":"OI01","message":"M3TX","refIntervDO":"%s","refIntervOI":"%s",
                         "dateTest":"%s","natureTest":"LIGNES","numeroTest":1}""".formatted(refDo, refOi, now)).status()).isEqualTo(200);
                // OC01 found a customer cut; OC02 has not answered yet
                assertThat(JsonHttp.at(port).as("OC01", "write:clients").post("/v2/interventions-oi/notification-impacte-clients-oc",
                        m5tx(refOi, "OC01", true)).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(20)).until(() -> doGateway.receivedCount() >= 1);

                browser.get(console("/console/"));
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                        .until(() -> Integer.parseInt(browser.findElement(By.id("count-tests-waiting")).getText()) >= 1);
                assertThat(browser.findElement(By.id("count-tests-waiting")).findElement(By.xpath("..")).getText())
                        .endsWith("tests de lignes en attente d'un OC");
                screenshot(browser, "aujourdhui-tests");

                // OC02 answers: nobody cut
                assertThat(JsonHttp.at(port).as("OC02", "write:clients").post("/v2/interventions-oi/notification-impacte-clients-oc",
                        m5tx(refOi, "OC02", false)).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(20)).until(() -> doGateway.receivedCount() >= 2);
                browser.get(console("/console/interventions/" + refOi));
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                    browser.navigate().refresh();
                    return browser.findElements(By.cssSelector("#to-do tr[data-message] .status.DELIVERED")).size() == 2;
                });
                assertThat(browser.findElements(By.cssSelector("#line-tests li")).stream().map(WebElement::getText).toList())
                        .anyMatch(item -> item.contains("Test demandé (M3TX) test n° 1"))
                        .anyMatch(item -> item.contains("Réponse de l’OC (M5TX) test n° 1 · OC01 : 1 client coupé"))
                        .anyMatch(item -> item.contains("Réponse de l’OC (M5TX) test n° 1 · OC02 : aucun client coupé"))
                        .anyMatch(item -> item.contains("Envoyé au DO (M6TX) test n° 1 · OC01 : 1 client coupé"));
                assertThat(browser.findElement(By.id("to-do")).getText()).contains("Messages envoyés à DO01", "M6TX", "Remis");
                screenshotOf(browser, "h-tests", "intervention-tests");
            } finally {
                ocs.forEach((code, stub) -> {
                    stub.replyOk();
                    referential.savePartner(new Partner(code, "Opérateur " + code, stub.baseUrl(), true, false));
                });
                referential.savePartner(new Partner("DO01", "Donneur d'ordre 1", null, false, true));
            }
        }
    }

    private static String m5tx(String refOi, String oc, boolean withCustomer) {
        return """
                {"codeOcImpacte":"%s","message":"M5TX","refIntervOI":"%s","numeroTest":1,"testCloture":false,
                 "clientHSOC":[%s],"ligneClientRetablie":[]}""".formatted(oc, refOi, withCustomer ? """
                {"dateChangementEtat":"%s","fibre":"3","tube":"1","nomModulePM":"M01","positionCoupleurOC":"C1-4",
                 "positionModulePM":"P2","refPBO":"PT000123","refPTO":"FI-1234-5678"}""".formatted(
                        OffsetDateTime.now(PARIS).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS)) : "");
    }

    // ---------------------------------------------------------------------------------------------

    private String console(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void signIn(WebDriver driver, String user) {
        driver.get(console("/console/"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> driver.getCurrentUrl().startsWith(auth.issuer() + "/login"));
        assertThat(driver.findElement(By.id("app")).getText()).as("the form names the application").isEqualTo("la console de l'OI");
        assertThat(driver.getTitle()).startsWith("Connexion à la console de l'OI");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> driver.getCurrentUrl().startsWith(console("/console/")));
    }

    /** A DO sends an M1 starting now, at the PM where OC01 and OC02 are present; its Ref_Interv_OI. */
    private String declare(String refDo) {
        return declare(refDo, OffsetDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS), null);
    }

    /** The DO's M1 (no end) or M3 (an end) for that reference; its Ref_Interv_OI. */
    private String declare(String refDo, OffsetDateTime start, OffsetDateTime end) {
        JsonHttp.Response answer = JsonHttp.at(port).as("DO01", "write:interventions").post("/v1/intervention_DO", """
                {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"%s",
                 "Nature_PBO_PTO":[{"nature":1,"PBO":"PT000123","PTO":"FI-1234-5678"}],"Debut_Inter":"%s"%s}"""
                .formatted(refDo, PM, start, end == null ? "" : ",\"Fin_Inter\":\"" + end + "\""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.text("Ref_Interv_OI");
    }

    private static String newRef() {
        return "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private int receivedAbout(String oc, String refOi) {
        return (int) ocs.get(oc).received("/v1/intervention_OI").stream().filter(r -> r.body().contains(refOi)).count();
    }

    /** The text of an element of the page a click is leading to, once it is there. */
    private String textOf(By element) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElement(element).getText(),
                text -> !text.isEmpty());
    }

    private static String m2Status(WebDriver driver, String oc) {
        return driver.findElement(By.cssSelector("article[data-oc='" + oc + "'] .status[data-kind='M2']")).getDomAttribute("data-status");
    }

    /**
     * In each table given, every number sits under its own column's header: both right-aligned,
     * their right edges within a pixel.
     */
    private void assertNumbersUnderTheirHeaders(String... tables) {
        for (String table : tables) {
            @SuppressWarnings("unchecked")
            List<List<Object>> cells = (List<List<Object>>) browser.executeScript("""
                    const table = document.getElementById(arguments[0]);
                    const heads = table.tHead.rows[0].cells;
                    const right = node => { const range = document.createRange(); range.selectNodeContents(node);
                                            return range.getBoundingClientRect().right; };
                    const found = [];
                    for (const row of table.tBodies[0].rows) {
                      for (const cell of row.cells) {
                        if (cell.classList.contains('num') && cell.textContent.trim() !== '') {
                          const head = heads[cell.cellIndex];
                          found.push([head.textContent.trim(), Math.abs(right(cell) - right(head))]);
                        }
                      }
                    }
                    return found;""", table);
            assertThat(cells).as(table).isNotEmpty();
            assertThat(cells).as(table + ": the gap between each number and its header's right edge, px")
                    .allSatisfy(cell -> assertThat(((Number) cell.get(1)).doubleValue()).as(cell.get(0).toString()).isLessThanOrEqualTo(1.0));
        }
    }

    /** Every element matched shows its text on one line (no break in the middle of a reference). */
    private void assertOnOneLine(String selector) {
        @SuppressWarnings("unchecked")
        List<Object> spreads = (List<Object>) browser.executeScript("""
                return Array.from(document.querySelectorAll(arguments[0])).map(cell => {
                  const range = document.createRange(); range.selectNodeContents(cell);
                  const tops = Array.from(range.getClientRects()).filter(rect => rect.width > 0).map(rect => rect.top);
                  return Math.max(...tops) - Math.min(...tops); });""", selector);
        // a second line would start a line's height (about 20 px) lower
        assertThat(spreads).as(selector + ": how far apart the tops of a cell's text are, px").isNotEmpty()
                .allSatisfy(spread -> assertThat(((Number) spread).doubleValue()).isLessThan(5.0));
    }

    private static String cell(WebDriver driver, String table, String oc, String column) {
        return driver.findElement(By.cssSelector("#" + table + " tr[data-oc='" + oc + "'] td." + column)).getText();
    }

    /** The rows of a table as shown, cells separated by one space. */
    private List<String> shownRows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(WebElement::getText).toList();
    }

    private static List<String> rows(WebDriver driver, String table) {
        // the text even of a table folded in a <details>, cells separated by one space
        return driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(row -> row.getDomProperty("textContent").replaceAll("\\s+", " ").trim()).toList();
    }

    private void stored(String codeDo, String pm, Instant start, int impacted) {
        jdbc.sql("""
                insert into intervention (ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter,
                                          start_received, created_at, updated_at, impacted_customers)
                values (:refOi, :codeDo, :refDo, 'OI01', :pm, :start, :end, true, now(), now(), :impacted)""")
                .param("refOi", "OI01-" + newRef()).param("codeDo", codeDo).param("refDo", newRef()).param("pm", pm)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(start.plus(1, ChronoUnit.HOURS)))
                .param("impacted", impacted).update();
    }

    /** A CSV export as the signed-in operator gets it (the browser's session cookie). */
    private String download(String path) throws IOException, InterruptedException {
        String session = browser.manage().getCookieNamed("OI_CONSOLE_SESSION").getValue();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console(path)))
                .header("Cookie", "OI_CONSOLE_SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        return response.body();
    }

    /** A part of the page at the top of a window 1280 px wide. */
    private static void screenshotOf(ChromeDriver driver, String id, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            driver.manage().window().setSize(new Dimension(1280, 1300));
            driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
            Files.write(SCREENSHOTS.resolve("console-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The whole page at 1280 px wide. */
    private static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 600), 3000)));
            Files.write(SCREENSHOTS.resolve("console-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
