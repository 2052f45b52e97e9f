package fr.eintervention.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.eintervention.apidocs.testapp.ApiDocsTestApplication;
import fr.eintervention.testsupport.ApiDocs;
import tools.jackson.databind.JsonNode;

/** What an operator configures: the public URL, the token URL, the docs' address, a scope of the service's own. */
@SpringBootTest(classes = ApiDocsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eintervention.public-url=https://oi.example.com/e-intervention/",
                "eintervention.api-docs.token-url=https://idp.example.com/realms/ftth/protocol/openid-connect/token",
                "eintervention.api-docs.docs-url=https://git.example.com/e-intervention/blob/main",
                "eintervention.api-docs.title=OI of Example",
                "eintervention.api-docs.scopes.field=the field API"})
class ConfiguredApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void theServerIsThePublicUrlWhateverTheRequestSays() {
        assertThat(ApiDocs.serversWithHost(port, "attacker.example")).containsExactly("https://oi.example.com/e-intervention");
    }

    @Test
    void theSchemeNamesTheConfiguredTokenUrlAndEveryScopeEachOperationWithTheScopeThatLetsIn() {
        ApiDocs docs = ApiDocs.of(port).assertClientCredentialsScheme(
                "https://idp.example.com/realms/ftth/protocol/openid-connect/token").assertNamesNoDemoCredentials();
        assertThat(docs.assertEverySecuredOperationDeclaresTheScheme()).isEqualTo(4);
        assertThat(docs.operation("/v1/intervention_DO", "post").path("security").toString())
                .isEqualTo("[{\"oauth2\":[\"write:interventions\"]}]");
        assertThat(docs.operation("/admin/things", "get").path("security").toString()).isEqualTo("[{\"oauth2\":[\"operator\"]}]");
        assertThat(docs.operation("/field/{ref}", "get").path("security").toString()).isEqualTo("[{\"oauth2\":[\"field\"]}]");
        assertThat(docs.operation("/public/hello", "get").has("security")).isFalse();
        // the Authorize dialog lists the scopes the service's operations need, no other
        assertThat(docs.document().path("components").path("securitySchemes").path(ApiDocs.SCHEME).path("flows")
                .path("clientCredentials").path("scopes").propertyNames())
                .containsExactly("write:interventions", "operator", "field");
    }

    @Test
    void theTitleAndTheDocumentationsLinks() {
        JsonNode info = ApiDocs.of(port).document().path("info");
        assertThat(info.path("title").asString()).isEqualTo("OI of Example");
        assertThat(info.path("description").asString())
                .contains("[docs/reference/http-api.md](https://git.example.com/e-intervention/blob/main/docs/reference/http-api.md)");
    }
}
