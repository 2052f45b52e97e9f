package fr.eintervention.oc.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.ApiDocs;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** The OC adapter's /v3/api-docs, as Swagger UI and an operator's tools read it. */
class OcApiDocsTest extends OcAdapterTestSupport {

    @Autowired
    BuildProperties build;

    @Test
    void describesTheAdapterAndM2M4InTheProtocolsWords() {
        ApiDocs docs = ApiDocs.of(port);
        JsonNode info = docs.document().path("info");
        assertThat(info.path("title").asString()).isEqualTo("E-Intervention OC adapter");
        assertThat(info.path("version").asString()).isEqualTo(build.getVersion());
        assertThat(info.path("description").asString()).contains("M2/M4", "docs/reference/http-api.md");

        assertThat(docs.tagsOf("/v1/intervention_OI", "post")).containsExactly("M2/M4 intervention_OI");
        JsonNode m2 = docs.operation("/v1/intervention_OI", "post");
        assertThat(m2.path("responses").propertyNames()).containsExactlyInAnyOrder("200", "400", "401", "403", "404", "413", "429");
        assertThat(m2.path("responses").path("404").path("content").path("application/json").path("examples").propertyNames())
                .containsExactly("CODE_OI_INCONNU", "PM_INCONNU");
    }

    @Test
    void everySecuredOperationDeclaresTheIssuersClientCredentialsWithItsScope() {
        ApiDocs docs = ApiDocs.of(port).assertClientCredentialsScheme(TestTokens.tokenUri()).assertNamesNoDemoCredentials();
        assertThat(docs.assertEverySecuredOperationDeclaresTheScheme()).isGreaterThanOrEqualTo(5);
        assertThat(docs.operation("/v1/intervention_OI", "post").path("security").toString())
                .isEqualTo("[{\"oauth2\":[\"write:interventions\"]}]");
        assertThat(docs.operation("/interventions", "get").path("security").toString())
                .isEqualTo("[{\"oauth2\":[\"operator\"]}]");
    }

    @Test
    void swaggerUiHasOneGroupPerVersionEachWithItsAuthorize() {
        JsonHttp.Response config = JsonHttp.at(port).get("/v3/api-docs/swagger-config");
        assertThat(config.status()).as(config.body()).isEqualTo(200);
        assertThat(config.json().path("urls").findValuesAsString("name")).containsExactly("Outils des opérateurs", "v1", "v2");

        JsonNode v1 = JsonHttp.at(port).get("/v3/api-docs/v1").json();
        assertThat(v1.path("paths").has("/v1/intervention_OI")).isTrue();
        assertThat(v1.path("paths").propertyNames()).noneMatch(path -> path.startsWith("/v2/"));
        assertThat(v1.path("components").path("securitySchemes").has(ApiDocs.SCHEME)).isTrue();

        JsonNode v2 = JsonHttp.at(port).get("/v3/api-docs/v2").json();
        assertThat(v2.path("paths").propertyNames()).isNotEmpty().allMatch(path -> path.startsWith("/v2/"));
        assertThat(v2.path("components").path("securitySchemes").has(ApiDocs.SCHEME)).isTrue();
    }

    @Test
    void theServerIsRelativeNeverTheRequestsHost() {
        assertThat(ApiDocs.serversWithHost(port, "attacker.example")).containsExactly("/");
    }
}
