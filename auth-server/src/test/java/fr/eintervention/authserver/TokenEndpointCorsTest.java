package fr.eintervention.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A browser page of an allowed origin (a service's Swagger UI) may ask the token endpoint for a
 * token, preflight included; a page of any other origin may not read the answer.
 */
class TokenEndpointCorsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext authServer;
    private static String url;

    @BeforeAll
    static void start() {
        authServer = DemoAuthServer.start(0, "http://localhost:9000");
        url = "http://127.0.0.1:" + authServer.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (authServer != null) {
            authServer.close();
        }
    }

    @Test
    void swaggerUiOfADemoServiceMayAskForATokenFromTheBrowser() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                .header("Origin", "http://localhost:8081")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-requested-with")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8081");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");

        HttpResponse<String> token = send(tokenRequest("http://localhost:8081"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8081");
    }

    @Test
    void aPageOfAnotherOriginCannotReadATokenAnswer() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                .header("Origin", "https://attacker.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> token = send(tokenRequest("https://attacker.example"));
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpRequest.Builder tokenRequest(String origin) {
        return HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                .header("Origin", origin)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:demo-operator-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
