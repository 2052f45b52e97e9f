package fr.eintervention.testsupport;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the test classpath: the tests' partners ({@link PartnerStub}, other services) listen on
 * {@code 127.0.0.1}, so every application under test accepts partner addresses on this machine
 * ({@code eintervention.partner-addresses.allow-local}, added with the lowest precedence). A test
 * of the refusal sets it to {@code false}.
 */
public class TestPartnersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("test-partners",
                Map.of("eintervention.partner-addresses.allow-local", "true")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
