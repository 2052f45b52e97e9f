package fr.eintervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.eintervention.security.testapp.SecurityTestApplication;
import fr.eintervention.testsupport.JsonHttp;

/** The development switch: anonymous calls get in, with a loud warning at start-up. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "eintervention.security.enabled=false")
class DisabledSecurityTest {

    @LocalServerPort
    int port;

    @Test
    void letsAnonymousCallsInAndSaysSoLoudly(CapturedOutput output) {
        JsonHttp http = JsonHttp.at(port);
        JsonHttp.Response m1 = http.post("/v1/intervention_DO", """
                {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"FI-12345-6789","PM":"FI-35238-0001",
                 "Nature_PBO_PTO":[{"nature":1}],"Debut_Inter":"2026-11-24T09:15:00+01:00"}""");

        assertThat(m1.status()).as(m1.body()).isEqualTo(200);
        assertThat(http.get("/admin/ping").status()).isEqualTo(200);
        assertThat(http.get("/whoami").text("partner")).isEqualTo("none");
        assertThat(output.getOut()).contains("WARN").contains("SECURITY IS DISABLED");
    }

    @Test
    void stillBoundsRequestBodies() {
        JsonHttp.Response response = JsonHttp.at(port).post("/v1/intervention_DO", "{\"x\":\"" + "y".repeat(300 * 1024) + "\"}");

        assertThat(response.status()).isEqualTo(413);
    }
}
