package fr.eintervention.testsupport;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the test classpath: every application started without a database URL gets a fresh database
 * of its own on the test PostgreSQL server. A test that wants two applications on one database
 * (several instances of a service) passes the same {@code spring.datasource.url} to both.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        TestPostgres postgres = TestPostgres.get();
        String url = postgres.newDatabase(environment.getProperty("spring.application.name", "test"));
        environment.getPropertySources().addLast(new MapPropertySource("test-postgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", postgres.user(),
                "spring.datasource.password", postgres.password())));
    }

    @Override
    public int getOrder() {
        // before the embedded-postgres post-processor, which then sees a URL and stays idle
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
