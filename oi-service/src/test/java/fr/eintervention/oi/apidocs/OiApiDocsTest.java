package fr.eintervention.oi.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.ApiDocs;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** The OI's /v3/api-docs, as Swagger UI and an operator's tools read it. */
class OiApiDocsTest extends OiServiceTestSupport {

    @Autowired
    BuildProperties build;

    @Test
    void namesTheServiceItsVersionAndItsDocumentation() {
        JsonNode info = ApiDocs.of(port).document().path("info");
        assertThat(info.path("title").asString()).isEqualTo("E-Intervention OI");
        assertThat(info.path("version").asString()).isEqualTo(build.getVersion()).isNotBlank();
        assertThat(info.path("description").asString()).contains("M1", "M5", "docs/reference/http-api.md",
                "docs/explanation/protocol-rules.md", "Authorize");
    }

    @Test
    void tagsAndDescribesM1M3AndM5InTheProtocolsWordsWithEveryAnswer() {
        ApiDocs docs = ApiDocs.of(port);
        assertThat(docs.tagsOf("/v1/intervention_DO", "post")).containsExactly("M1/M3 intervention_DO");
        assertThat(docs.tagsOf("/v1/client_HS_OC_Par_Inter", "post")).containsExactly("M5 client_HS_OC_Par_Inter");
        JsonNode m1 = docs.operation("/v1/intervention_DO", "post");
        assertThat(m1.path("summary").asString()).contains("M1/M3");
        assertThat(m1.path("responses").propertyNames()).containsExactlyInAnyOrder("200", "400", "401", "403", "404", "413", "429");
        assertThat(m1.path("responses").path("404").path("content").path("application/json").path("examples").propertyNames())
                .containsExactly("CODE_OI_INCONNU", "PM_INCONNU");
        assertThat(m1.path("responses").path("400").path("content").path("application/json").path("examples").propertyNames())
                .containsExactly("CHAMPS_NON_RENSEIGNE", "MAUVAIS_FORMAT");
        JsonNode m5 = docs.operation("/v1/client_HS_OC_Par_Inter", "post");
        assertThat(m5.path("responses").path("404").path("content").path("application/json").path("examples").propertyNames())
                .containsExactly("REF_INTERV_OI_INCONNUE");
        assertThat(docs.document().path("tags").findValuesAsString("name")).contains("M1/M3 intervention_DO", "M5 client_HS_OC_Par_Inter");
    }

    @Test
    void everySecuredOperationDeclaresTheIssuersClientCredentialsWithItsScope() {
        ApiDocs docs = ApiDocs.of(port).assertClientCredentialsScheme(TestTokens.tokenUri()).assertNamesNoDemoCredentials();
        assertThat(docs.assertEverySecuredOperationDeclaresTheScheme()).isGreaterThanOrEqualTo(6);
        assertThat(docs.operation("/v1/intervention_DO", "post").path("security").toString())
                .isEqualTo("[{\"oauth2\":[\"write:interventions\"]}]");
        assertThat(docs.operation("/v1/client_HS_OC_Par_Inter", "post").path("security").toString())
                .isEqualTo("[{\"oauth2\":[\"write:clients\"]}]");
        assertThat(docs.operation("/consultation/interventions", "get").path("security").toString())
                .isEqualTo("[{\"oauth2\":[\"operator\"]}]");
    }

    @Test
    void theServerIsRelativeNeverTheRequestsHost() {
        assertThat(ApiDocs.serversWithHost(port, "attacker.example")).containsExactly("/");
    }
}
