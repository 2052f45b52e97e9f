package fr.eintervention.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import fr.eintervention.localpostgres.LocalPostgres;
import fr.eintervention.oi.OiApplication;

/** Starts what a benchmark measures: an OI service on its own embedded PostgreSQL. */
public final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * The server logs its checkpoints and autovacuum runs (to tell them from the OI's own
     * stalls); with {@code -Dpgss=true}, it also keeps statement statistics ({@link #printStatementStatistics});
     * {@code -Dpg.<setting>=<value>} sets any server setting.
     */
    static LocalPostgres postgres() throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("log_checkpoints", "on", "log_autovacuum_min_duration", "0"));
        if (Boolean.getBoolean("pgss")) {
            config.put("shared_preload_libraries", "pg_stat_statements");
        }
        // a diagnosis: any server setting, e.g. -Dpg.checkpoint_timeout=30min
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("pg."))
                .forEach(name -> config.put(name.substring(3), System.getProperty(name)));
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
                "--eintervention.security.enabled=false",
                // the benchmark's partners (receivers, stubs) listen on 127.0.0.1
                "--eintervention.partner-addresses.allow-local=true",
                "--logging.level.fr.eintervention=WARN"));
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(OiApplication.class).run(arguments.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Watches the database's own work (autovacuum, checkpoints) every 100 ms while the returned
     * handle is open, then prints when each ran: to tell its load from the OI's.
     */
    static AutoCloseable watchMaintenance(LocalPostgres postgres, Instant start) {
        // one connection for the whole phase: a connection per query would load the database it watches
        SingleConnectionDataSource connection = new SingleConnectionDataSource(postgres.jdbcUrl("postgres"), LocalPostgres.USER, "", true);
        JdbcClient jdbc = JdbcClient.create(connection);
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<Long> fullPageImages = Collections.synchronizedList(new ArrayList<>());
        watcher.scheduleWithFixedDelay(() -> {
            try {
                fullPageImages.add(jdbc.sql("select wal_fpi from pg_stat_wal").query(Long.class).single());
            } catch (RuntimeException e) {
                // the database is stopping
            }
        }, 0, 1, TimeUnit.SECONDS);
        watcher.scheduleWithFixedDelay(() -> {
            try {
                String second = String.format("%.1f", Duration.between(start, Instant.now()).toMillis() / 1000.0);
                jdbc.sql("""
                        select backend_type || ': ' || coalesce(query, '') || ' (since ' || coalesce(to_char(query_start, 'HH24:MI:SS.MS'), '') || ')'
                        from pg_stat_activity where backend_type = 'autovacuum worker' and query <> ''
                        union all
                        select 'checkpoints so far: ' || (num_timed + num_requested) from pg_stat_checkpointer""")
                        .query(String.class).list().forEach(line -> {
                            if (seen.add(line)) {
                                events.add("  +" + second + " s " + line);
                            }
                        });
            } catch (RuntimeException e) {
                // the database is stopping
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return () -> {
            watcher.shutdownNow();
            watcher.awaitTermination(5, TimeUnit.SECONDS);
            connection.destroy();
            System.out.println("database maintenance during the phase:");
            events.forEach(System.out::println);
            StringBuilder perSecond = new StringBuilder("  full-page images written to the WAL, second by second:");
            for (int i = 1; i < fullPageImages.size(); i++) {
                perSecond.append(' ').append(fullPageImages.get(i) - fullPageImages.get(i - 1));
            }
            System.out.println(perSecond);
        };
    }

    /** The machine's CPU time so far, in clock ticks: {busy, total} (Linux {@code /proc/stat}). */
    public static long[] machineCpu() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle, iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** How busy the machine was since {@code before}, and this JVM's share (the OI, the receivers, the load generator). */
    static void printCpu(long[] before, long jvmCpuBefore) {
        long[] after = machineCpu();
        long ticks = after[1] - before[1];
        if (ticks <= 0) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double seconds = ticks / 100.0 / cores; // USER_HZ is 100 on Linux
        double jvm = (jvmCpuNanos() - jvmCpuBefore) / 1e9 / (seconds * cores);
        System.out.printf("CPU during the phase: machine %.0f%% busy (this JVM %.0f%%, PostgreSQL and the rest %.0f%%)%n",
                100.0 * (after[0] - before[0]) / ticks, 100 * jvm, 100.0 * (after[0] - before[0]) / ticks - 100 * jvm);
    }

    /** p-th percentile (0..100) of the values, in the values' unit; NaN when there are none. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
