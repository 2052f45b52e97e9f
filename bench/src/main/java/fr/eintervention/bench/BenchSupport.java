package fr.eintervention.bench;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fr.eintervention.localpostgres.LocalPostgres;
import fr.eintervention.oi.OiApplication;

/** Starts what a benchmark measures: an OI service on its own embedded PostgreSQL. */
final class BenchSupport {

    private BenchSupport() {
    }

    static LocalPostgres postgres() throws Exception {
        return LocalPostgres.start(Files.createTempDirectory("eintervention-bench-pg"), 0, false);
    }

    static ConfigurableApplicationContext oi(LocalPostgres postgres, Map<String, Object> properties) {
        return new SpringApplicationBuilder(OiApplication.class)
                .profiles("demo")
                .properties(Map.of(
                        "server.port", 0,
                        "spring.datasource.url", postgres.jdbcUrl("postgres"),
                        "spring.datasource.username", LocalPostgres.USER,
                        "spring.datasource.password", "",
                        "spring.datasource.hikari.maximum-pool-size", 30,
                        "logging.level.fr.eintervention", "WARN"))
                .properties(properties)
                .run();
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** p-th percentile (0..100) of the values, in the values' unit. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
