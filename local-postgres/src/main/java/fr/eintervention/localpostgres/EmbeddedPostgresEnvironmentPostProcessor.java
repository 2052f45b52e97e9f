package fr.eintervention.localpostgres;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When a service has no {@code spring.datasource.url}, starts an embedded PostgreSQL and points
 * the service at it, so that it runs on a fresh machine. Configuration:
 * <ul>
 * <li>{@code eintervention.embedded-postgres.enabled} (default true): false to forbid it (production)</li>
 * <li>{@code eintervention.embedded-postgres.data-directory} (default {@code data/postgres/<application name>}):
 * kept across restarts, so nothing accepted is lost</li>
 * <li>{@code eintervention.embedded-postgres.port} (default 0: any free port)</li>
 * </ul>
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final Object LOCK = new Object();
    private static LocalPostgres server;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty("eintervention.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        String name = environment.getProperty("spring.application.name", "e-intervention");
        Path dataDirectory = Path.of(environment.getProperty("eintervention.embedded-postgres.data-directory",
                "data/postgres/" + name));
        int port = environment.getProperty("eintervention.embedded-postgres.port", Integer.class, 0);
        LocalPostgres postgres;
        synchronized (LOCK) {
            if (server == null) {
                server = LocalPostgres.start(dataDirectory, port, true);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
            }
            postgres = server;
        }
        environment.getPropertySources().addLast(new MapPropertySource("embedded-postgres", Map.of(
                "spring.datasource.url", postgres.jdbcUrl("postgres"),
                "spring.datasource.username", LocalPostgres.USER,
                "spring.datasource.password", "")));
        System.out.println("Embedded PostgreSQL for " + name + " on port " + postgres.port() + ", data in " + dataDirectory.toAbsolutePath());
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so that a configured URL wins
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
