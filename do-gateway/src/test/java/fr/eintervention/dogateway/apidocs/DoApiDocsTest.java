package fr.eintervention.dogateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.ApiDocs;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** The DO gateway's /v3/api-docs, as Swagger UI and an operator's tools read it. */
class DoApiDocsTest extends DoGatewayTestSupport {

    @Autowired
    BuildProperties build;

    @Test
    void describesTheGatewayItsVersionAndItsDocumentation() {
        JsonNode info = ApiDocs.of(port).document().path("info");
        assertThat(info.path("title").asString()).isEqualTo("E-Intervention DO gateway");
        assertThat(info.path("version").asString()).isEqualTo(build.getVersion());
        assertThat(info.path("description").asString()).contains("M1/M3", "docs/explanation/protocol-rules.md");
    }

    @Test
    void everySecuredOperationDeclaresTheIssuersClientCredentialsWithItsScope() {
        ApiDocs docs = ApiDocs.of(port).assertClientCredentialsScheme(TestTokens.tokenUri()).assertNamesNoDemoCredentials();
        assertThat(docs.assertEverySecuredOperationDeclaresTheScheme()).isGreaterThanOrEqualTo(4);
        assertThat(docs.document().path("components").path("securitySchemes").path(ApiDocs.SCHEME)
                .path("flows").path("clientCredentials").path("scopes").propertyNames())
                // write:clients: the OIs' M6TX, the one protocol message the DO receives (v2)
                .contains("field", "operator", "write:clients");
        assertThat(docs.operation("/interventions", "post").path("security").toString())
                .isEqualTo("[{\"oauth2\":[\"field\"]}]");
    }

    @Test
    void theFieldApiComesFirstAndSaysWhatItIsFor() {
        JsonNode tags = ApiDocs.of(port).document().path("tags");
        assertThat(tags.get(0).path("name").asString()).isEqualTo("Interventions");
        assertThat(tags.get(0).path("description").asString()).startsWith("The field API, what the DO's own tools call");
        assertThat(ApiDocs.of(port).operation("/interventions", "post").path("responses").path("200").path("content")
                .propertyNames()).doesNotContain("*/*");
    }

    @Test
    void theServerIsRelativeNeverTheRequestsHost() {
        assertThat(ApiDocs.serversWithHost(port, "attacker.example")).containsExactly("/");
    }
}
