package fr.eintervention.dogateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** Swagger UI's groups: v1 (the field API first) and v2 (what the DO receives in v2), each with its Authorize. */
class ApiGroupsTest extends DoGatewayTestSupport {

    @Test
    void swaggerUiListsV1FirstThenV2() {
        JsonNode config = JsonHttp.at(port).get("/v3/api-docs/swagger-config").json();
        // the operators' tools (the field API among them) listed first, then each version; Swagger UI opens on v1
        assertThat(config.path("urls").findValuesAsString("name")).containsExactly("Outils des opérateurs", "v1", "v2");
        assertThat(config.path("urls.primaryName").asString()).isEqualTo("v1");
    }

    @Test
    void theV1GroupHoldsTheFieldApiWithItsAuthorize() {
        JsonNode v1 = JsonHttp.at(port).get("/v3/api-docs/v1").json();
        assertThat(v1.path("paths").has("/interventions")).isTrue();
        assertThat(v1.path("paths").propertyNames()).noneMatch(path -> path.startsWith("/v2/"));
        assertThat(v1.path("components").path("securitySchemes").has("oauth2")).isTrue();
        assertThat(v1.path("info").path("title").asString()).isEqualTo("E-Intervention DO gateway");
    }

    @Test
    void theV2GroupHoldsOnlyV2PathsWithItsAuthorize() {
        JsonNode v2 = JsonHttp.at(port).get("/v3/api-docs/v2").json();
        assertThat(v2.path("paths").propertyNames()).allMatch(path -> path.startsWith("/v2/"));
        assertThat(v2.path("components").path("securitySchemes").has("oauth2")).isTrue();
    }
}
