package fr.eintervention.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import com.sun.net.httpserver.HttpServer;

/** The system's Chromium renders a page served on localhost, and a script runs in it. */
@BrowserTest
class ChromiumTest {

    @Test
    void rendersALocalPageAndRunsItsScript() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!doctype html><html lang=fr><title>ok</title><p id=p>avant</p><script>document.getElementById('p').textContent='après'</script>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
        ChromeDriver browser = Chromium.phone();
        try {
            browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertThat(browser.findElement(By.id("p")).getText()).isEqualTo("après");
        } finally {
            browser.quit();
            server.stop(0);
        }
    }
}
