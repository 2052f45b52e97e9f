package fr.eintervention.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import fr.eintervention.apidocs.testapp.ApiDocsTestApplication;
import fr.eintervention.testsupport.ApiDocs;

/** Under the demo profile, and only there, the Authorize dialog names the demo auth-server's operator client. */
@SpringBootTest(classes = ApiDocsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoProfileNamesTheDemoOperatorClient() {
        assertThat(ApiDocs.of(port).schemeDescription()).contains("operator / demo-operator-secret");
    }
}
