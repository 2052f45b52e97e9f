package fr.eintervention.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.eintervention.apidocs.testapp.ApiDocsTestApplication;
import fr.eintervention.testsupport.ApiDocs;
import tools.jackson.databind.JsonNode;

/** Security off (development): no scheme, no operation asks for a token, the protocol still described. */
@SpringBootTest(classes = ApiDocsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eintervention.security.enabled=false", "springdoc.default-produces-media-type=application/json"})
class UnsecuredApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void noSchemeAndNoOperationAsksForAToken() {
        ApiDocs docs = ApiDocs.of(port);
        assertThat(docs.document().path("components").has("securitySchemes")).isFalse();
        assertThat(docs.assertEverySecuredOperationDeclaresTheScheme()).isZero();
        assertThat(docs.tagsOf("/v1/intervention_DO", "post")).containsExactly("M1/M3 intervention_DO");
        assertThat(docs.document().path("info").path("description").asString()).doesNotContain("Authorize");
    }

    @Test
    void theServerIsRelativeNeverTheRequestsHost() {
        assertThat(ApiDocs.serversWithHost(port, "attacker.example")).containsExactly("/");
        assertThat(ApiDocs.of(port).document().path("servers").get(0).path("description").asString())
                .isEqualTo("this service, at the address this page was read from");
    }

    @Test
    void theDocumentationsLinksOpenTheDocumentationTheServiceServes() throws Exception {
        assertThat(ApiDocs.of(port).document().path("info").path("description").asString())
                .contains("[docs/reference/http-api.md](/docs/reference/http-api.md)");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/docs/reference/http-api.md")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(page.body()).startsWith("# ");
    }

    @Test
    void answersAreTypedAndExamplesAreRealValues() {
        JsonNode document = ApiDocs.of(port).document();
        JsonNode declared = document.path("components").path("schemas").path("Declared").path("properties");
        assertThat(declared.path("pm").path("example").asString()).isEqualTo("FI-35238-0001");
        assertThat(declared.path("codeOi").path("example").asString()).isEqualTo("OI01");
        assertThat(declared.path("debut").path("example").asString()).isEqualTo("2026-11-24T08:15:00Z");
        assertThat(declared.path("free").has("example")).as("no invented value").isFalse();
        JsonNode operation = ApiDocs.of(port).operation("/admin/declared", "get");
        assertThat(operation.path("parameters").get(0).path("schema").path("example").asString()).isEqualTo("OC01");
        assertThat(operation.path("responses").path("200").path("content").propertyNames()).containsExactly("application/json");
    }
}
