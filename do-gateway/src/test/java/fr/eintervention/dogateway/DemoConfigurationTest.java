package fr.eintervention.dogateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import fr.eintervention.security.outbound.OutboundCredentials;

/**
 * What {@code application.yml} gives the security module: no issuer outside the demo profile
 * (secure by default: the service refuses to start without one, and the tests' issuer comes from
 * test-support); in the demo profile, the demo auth-server, and M1/M3 sent to OI01 as its client DO01.
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
        assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).as("the shared handler renders them").isNull();
    }

    @Test
    void theDemoProfileUsesTheDemoAuthServerAsDo01() {
        StandardEnvironment environment = environment(Map.of("DO_CLIENT_SECRET", "s3cret"), "demo");

        assertThat(environment.getProperty("eintervention.security.issuer-uri")).isEqualTo("http://localhost:9000");
        assertThat(environment.getProperty("eintervention.outbound.OI01.auth.client-secret")).isEqualTo("s3cret");
        assertThat(OutboundCredentials.from(environment, null).forPartner("OI01"))
                .hasToString("oauth2 client credentials of DO01 at http://localhost:9000/oauth2/token");
    }
}
