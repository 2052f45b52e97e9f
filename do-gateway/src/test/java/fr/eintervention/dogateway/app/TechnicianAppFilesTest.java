package fr.eintervention.dogateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;

/** The technician's app is served without a token, its settings say where to sign in, its shell stays small. */
class TechnicianAppFilesTest extends DoGatewayTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAppAndItsFilesLoadWithoutAToken() throws Exception {
        HttpResponse<String> page = get("/app/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\">").contains("app.js");
        for (String file : new String[] {"app.js", "sw.js", "store.js", "auth.js", "sync.js", "v2.js", "time.js", "app.css",
                "manifest.webmanifest"}) {
            assertThat(get("/app/" + file).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(get("/app").statusCode()).isEqualTo(302);
        // the API itself still wants a token
        assertThat(get("/pms?oi=OI01").statusCode()).isEqualTo(401);
    }

    @Test
    void itsSettingsNameTheAuthorizationServerAndItsPublicClient() throws Exception {
        HttpResponse<String> config = get("/app/config.json");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"clientId\":\"technician-app\"").contains("\"scope\":\"field\"")
                .contains("\"authorizationServer\":").contains("\"zone\":\"Europe/Paris\"");
        assertThat(config.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void theShellIsUnder200Kilobytes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/app"))) {
            long bytes = files.mapToLong(file -> file.toFile().length()).sum();
            assertThat(bytes).isLessThan(200 * 1024);
        }
    }
}
