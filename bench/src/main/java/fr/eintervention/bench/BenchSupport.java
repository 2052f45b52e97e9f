package fr.eintervention.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.eintervention.localpostgres.LocalPostgres;
import fr.eintervention.oi.OiApplication;

/** Starts what a benchmark measures: an OI service on its own embedded PostgreSQL. */
final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * With {@code -Dpgss=true}, the server keeps statement statistics ({@link #printStatementStatistics})
     * and logs its checkpoints and autovacuum runs.
     */
    static LocalPostgres postgres() throws Exception {
        Map<String, String> config = Boolean.getBoolean("pgss")
                ? Map.of("shared_preload_libraries", "pg_stat_statements", "log_checkpoints", "on",
                        "log_autovacuum_min_duration", "0")
                : Map.of();
        return LocalPostgres.start(Files.createTempDirectory("eintervention-bench-pg"), 0, false, config);
    }

    /** The statements that took the most time, when the server keeps statistics. */
    static void printStatementStatistics(JdbcClient jdbc) {
        if (!Boolean.getBoolean("pgss")) {
            return;
        }
        jdbc.sql("create extension if not exists pg_stat_statements").update();
        System.out.printf("%8s %9s %9s %9s  %s%n", "calls", "total ms", "mean ms", "rows", "statement");
        jdbc.sql("""
                select calls, total_exec_time, mean_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
                from pg_stat_statements order by total_exec_time desc limit 20""")
                .query((rs, row) -> String.format("%8d %9.0f %9.3f %9d  %s", rs.getLong(1), rs.getDouble(2),
                        rs.getDouble(3), rs.getLong(4), rs.getString(5)))
                .list().forEach(System.out::println);
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
