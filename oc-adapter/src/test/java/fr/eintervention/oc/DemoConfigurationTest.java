package fr.eintervention.oc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import fr.eintervention.security.outbound.OutboundCredentials;

/**
 * What {@code application.yml} gives the security module: no issuer outside the demo profile
 * (secure by default: the service refuses to start without one, and the tests' issuer comes from
 * test-support); in the demo profile, the demo auth-server, and M5 sent to OI01 with a client
 * named after the OC's own code.
 */
class DemoConfigurationTest {

    private static StandardEnvironment environment(Map<String, Object> variables, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext(),
                profiles);
        return environment;
    }

    @Test
    void noIssuerNorCredentialsOutsideTheDemoProfile() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("eintervention.security.issuer-uri")).isNull();
        assertThat(OutboundCredentials.from(environment, null).partners()).isEmpty();
    }

    @Test
    void theDemoProfileUsesTheDemoAuthServerAsOc01() {
        StandardEnvironment environment = environment(Map.of(), "demo");

        assertThat(environment.getProperty("eintervention.security.issuer-uri")).isEqualTo("http://localhost:9000");
        assertThat(OutboundCredentials.from(environment, null).forPartner("OI01"))
                .hasToString("oauth2 client credentials of OC01 at http://localhost:9000/oauth2/token");
    }

    @Test
    void theSecondDemoOcPresentsItsOwnClient() {
        StandardEnvironment environment = environment(Map.of("OC_CODE", "OC02", "OC_CLIENT_SECRET", "demo-oc02-secret",
                "AUTH_ISSUER", "http://auth-server:9000"), "demo");

        assertThat(environment.getProperty("eintervention.security.issuer-uri")).isEqualTo("http://auth-server:9000");
        assertThat(environment.getProperty("eintervention.outbound.OI01.auth.client-secret")).isEqualTo("demo-oc02-secret");
        assertThat(OutboundCredentials.from(environment, null).forPartner("OI01"))
                .hasToString("oauth2 client credentials of OC02 at http://auth-server:9000/oauth2/token");
    }

    @Test
    void environmentVariablesWinOverTheDemoProfile() {
        // as docker-compose.yml configures the adapters
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("environment", Map.of(
                "EINTERVENTION_OUTBOUND_OI01_AUTH_TOKEN_URI", "http://auth-server:9000/oauth2/token",
                "EINTERVENTION_OUTBOUND_OI01_AUTH_CLIENT_ID", "OC02")));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext(),
                "demo");

        OutboundCredentials credentials = OutboundCredentials.from(environment, null);

        assertThat(credentials.partners()).containsExactly("OI01");
        assertThat(credentials.forPartner("OI01"))
                .hasToString("oauth2 client credentials of OC02 at http://auth-server:9000/oauth2/token");
    }
}
