package fr.eintervention.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import fr.eintervention.testsupport.TestTokens;
import fr.eintervention.testsupport.TestTokensEnvironmentPostProcessor;

/** test-support's post-processor: trusts TestTokens unless the test says otherwise. */
class TestTokensPostProcessorTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new TestTokensEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void configuresTheTestIssuerWhenNoneIsSet() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("eintervention.security.issuer-uri")).isEqualTo(TestTokens.issuer());
        assertThat(environment.getProperty("eintervention.security.jwk-set-uri")).isEqualTo(TestTokens.jwkSetUri());
    }

    @Test
    void leavesAnIssuerOrTheDevelopmentSwitchAlone() {
        StandardEnvironment withIssuer = environment(Map.of("eintervention.security.issuer-uri", "http://localhost:9000"));
        assertThat(withIssuer.getProperty("eintervention.security.issuer-uri")).isEqualTo("http://localhost:9000");
        assertThat(withIssuer.getProperty("eintervention.security.jwk-set-uri")).isNull();

        StandardEnvironment disabled = environment(Map.of("eintervention.security.enabled", "false"));
        assertThat(disabled.getProperty("eintervention.security.issuer-uri")).isNull();
    }
}
