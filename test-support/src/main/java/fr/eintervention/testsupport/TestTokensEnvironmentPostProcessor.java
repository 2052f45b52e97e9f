package fr.eintervention.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * On the test classpath, like the test database: every application that has the security module
 * and sets no token issuer of its own trusts {@link TestTokens} ({@code eintervention.security.issuer-uri}
 * and {@code jwk-set-uri}, added with the lowest precedence). A test that sets an issuer (a real
 * auth-server, say) or disables security is left alone.
 */
public class TestTokensEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SECURITY_MODULE = "fr.eintervention.security.EInterventionSecurityAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent(SECURITY_MODULE, application.getClassLoader())
                || "false".equalsIgnoreCase(environment.getProperty("eintervention.security.enabled"))
                || environment.containsProperty("eintervention.security.issuer-uri")) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("eintervention.security.issuer-uri", TestTokens.issuer());
        if (!environment.containsProperty("eintervention.security.jwk-set-uri")) {
            properties.put("eintervention.security.jwk-set-uri", TestTokens.jwkSetUri());
        }
        environment.getPropertySources().addLast(new MapPropertySource("test-tokens", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
