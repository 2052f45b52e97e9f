package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.eintervention.testsupport.browser.BrowserTest;
import fr.eintervention.testsupport.browser.Chromium;

/**
 * An operator opens the OI's Swagger UI in a real browser (the system's headless Chromium), clicks
 * Authorize, enters the demo auth-server's operator client (both run as processes, as in the demo),
 * and tries a secured call: the browser gets the token from the auth-server cross-origin, and the
 * call answers 200. The page, authorized, is saved as {@code target/swagger-ui-authorized.png}
 * (the picture of {@code docs/images/swagger-ui-authorized.png}).
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwaggerUiBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ServiceProcess auth;
    private ServiceProcess oi;

    @BeforeAll
    void startTheAuthServerAndTheOi() {
        auth = ServiceProcess.of("swagger-auth", "auth-server");
        oi = ServiceProcess.of("swagger-oi", "oi-service", "--AUTH_ISSUER=" + auth.url());
        // the browser opens Swagger UI at the OI's address: the auth-server lets that origin ask for tokens
        auth = ServiceProcess.of("swagger-auth", "auth-server", "--AUTH_ISSUER=" + auth.url(), "--PORT=" + auth.port(),
                "--eintervention.auth-server.cors.allowed-origins=" + oi.url()).onPort(auth.port());
        auth.start();
        oi.start();
    }

    @AfterAll
    void stop() {
        List<ServiceProcess> services = Stream.of(oi, auth).filter(Objects::nonNull).toList();
        services.forEach(ServiceProcess::signalStop);
        services.forEach(ServiceProcess::close);
    }

    @Test
    void anOperatorAuthorizesInSwaggerUiAndTriesASecuredCall() throws IOException {
        // tall enough for the picture to show the header, the Authorize button and the call's answer
        ChromeDriver browser = Chromium.start(1280, 2600);
        try {
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            browser.get(oi.url() + "/swagger-ui.html");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".information-container .title"), "E-Intervention OI"));
            // the tab names the service; the server is described in words; the docs' links open the service's own
            wait.until(driver -> driver.getTitle().equals("E-Intervention OI · Swagger UI"));
            assertThat(browser.findElement(By.cssSelector(".servers select")).getText())
                    .contains("this service, at the address this page was read from").doesNotContain("Generated server url");
            assertThat(browser.findElement(By.linkText("docs/reference/http-api.md")).getDomAttribute("href"))
                    .isEqualTo("/docs/reference/http-api.md");

            // Authorize: the OAuth2 client-credentials scheme, the demo operator client
            browser.findElement(By.cssSelector("button.btn.authorize")).click();
            WebElement clientId = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client_id_clientCredentials")));
            clientId.sendKeys("operator");
            browser.findElement(By.id("client_secret_clientCredentials")).sendKeys("demo-operator-secret");
            browser.findElement(By.cssSelector(".auth-container button.btn.modal-btn.auth.authorize")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//div[contains(@class,'auth-container')]//button[normalize-space()='Logout']")));
            assertThat(browser.findElement(By.cssSelector(".auth-container")).getText()).contains("Authorized");
            browser.findElement(By.cssSelector(".auth-container button.btn-done")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".dialog-ux")));

            // Try it out: the consultation of the interventions, which needs the operator scope
            WebElement consultation = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.id("operations-Consultation-interventions")));
            consultation.findElement(By.cssSelector(".opblock-summary-control")).click();
            // the operation's body is drawn after the click: wait for its buttons, not find them at once
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Consultation-interventions button.try-out__btn"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Consultation-interventions button.execute"))).click();
            WebElement status = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(consultation,
                    By.cssSelector(".live-responses-table .response .response-col_status"))).get(0);
            assertThat(status.getText()).startsWith("200");
            assertThat(consultation.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText())
                    .contains("\"items\"");

            // the picture: the other tags folded, from the top of the page
            for (WebElement tag : browser.findElements(By.cssSelector("h3.opblock-tag"))) {
                if (!"operations-tag-Consultation".equals(tag.getAttribute("id"))) {
                    tag.click();
                }
            }
            browser.executeScript("window.scrollTo(0, 0)");

            Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target", "swagger-ui-authorized.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }
}
