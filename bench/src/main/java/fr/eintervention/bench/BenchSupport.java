package fr.eintervention.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        // command-line arguments: they win over the service's application.yml (its port, its demo issuer)
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.flyway.locations=classpath:db/migration,classpath:db/sample",
                "--spring.datasource.url=" + postgres.jdbcUrl("postgres"),
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=30",
                "--eintervention.security.enabled=false",
                "--logging.level.fr.eintervention=WARN"));
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(OiApplication.class).run(arguments.toArray(String[]::new));
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
