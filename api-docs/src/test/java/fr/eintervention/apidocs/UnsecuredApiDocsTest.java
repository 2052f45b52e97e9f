package fr.eintervention.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.eintervention.apidocs.testapp.ApiDocsTestApplication;
import fr.eintervention.testsupport.ApiDocs;

/** Security off (development): no scheme, no operation asks for a token, the protocol still described. */
@SpringBootTest(classes = ApiDocsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "eintervention.security.enabled=false")
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
    }
}
