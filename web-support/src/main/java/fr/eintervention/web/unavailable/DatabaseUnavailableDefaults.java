package fr.eintervention.web.unavailable;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The connection pool's waits, short by default so that a request gives up within about two
 * seconds when the database is unreachable (Hikari waits 30 s by default; callers saw 15 s
 * hangs) and is answered 503 by {@link DatabaseUnavailableHandler}. A service's configuration wins.
 */
public class DatabaseUnavailableDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.datasource.hikari.connection-timeout", "2000",
            "spring.datasource.hikari.validation-timeout", "1000");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("database-unavailable-defaults", DEFAULTS));
    }
}
