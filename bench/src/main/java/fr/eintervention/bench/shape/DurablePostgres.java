package fr.eintervention.bench.shape;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.eintervention.localpostgres.LocalPostgres;

/**
 * A PostgreSQL as production runs it: durable commits ({@code fsync} and {@code synchronous_commit}
 * on) and every other setting at its default (JIT included). The system's binaries when installed
 * ({@code /usr/lib/postgresql/<version>/bin}, run as the {@code postgres} user when this runs as
 * root), else the embedded server with those two settings forced.
 */
final class DurablePostgres implements AutoCloseable {

    private final Path data;
    private final Path bin;
    private final int port;
    private final LocalPostgres embedded;

    private DurablePostgres(Path data, Path bin, int port, LocalPostgres embedded) {
        this.data = data;
        this.bin = bin;
        this.port = port;
        this.embedded = embedded;
    }

    static DurablePostgres start() throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("eintervention-shape-pg");
        Path bin = systemBinaries();
        if (bin == null) {
            LocalPostgres server = LocalPostgres.start(data, 0, true, Map.of("fsync", "on", "synchronous_commit", "on"));
            return new DurablePostgres(data, null, server.port(), server);
        }
        int port = freePort();
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", data.toString()));
        }
        run(asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--no-instructions"));
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data
                        + " -c max_connections=300 -c log_checkpoints=on"
                        // statement statistics (what the OI's statements cost under load); no effect on durability
                        + " -c shared_preload_libraries=pg_stat_statements,auto_explain -c pg_stat_statements.track=all"
                        // -Dexplain=true: the plans of statements over 20 ms in the server's log (kept in the run's logs)
                        + (Boolean.getBoolean("explain") ? " -c auto_explain.log_min_duration=20 -c auto_explain.log_analyze=on"
                                + " -c auto_explain.log_buffers=on -c auto_explain.log_timing=off" : ""),
                "start"));
        return new DurablePostgres(data, bin, port, null);
    }

    /** Whether pg_stat_statements is loaded (the system's server; the embedded one has no contrib). */
    boolean statementStatistics() {
        return embedded == null;
    }

    /**
     * CPU seconds used so far by the server: the postmaster, its live backends and those already
     * ended (Linux {@code /proc}, clock ticks of 1/100 s).
     */
    double cpuSeconds() throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Double.NaN;
        }
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = ChildProcess.stat(process);
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                } else if (Long.parseLong(stat[1]) == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return ticks / 100.0;
    }

    String describe() {
        String settings = "fsync=on, synchronous_commit=on, jit at its default";
        return embedded != null ? "embedded PostgreSQL 17 (" + settings + ")" : "system PostgreSQL " + bin.getParent().getFileName() + " (" + settings + ")";
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** pgbench from the system's binaries, or null. */
    Path pgbench() {
        Path candidate = bin != null ? bin.resolve("pgbench") : Path.of("/usr/bin/pgbench");
        return Files.isExecutable(candidate) ? candidate : null;
    }

    List<String> asPostgresCommand(String... command) {
        return asPostgres(command);
    }

    /** Copies the server's log into the folder (before {@link #close()} deletes the cluster). */
    void keepLog(Path folder) throws IOException {
        Path log = data.resolve("server.log");
        if (Files.exists(log)) {
            Files.copy(log, folder.resolve("postgresql.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        } else {
            run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Path systemBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root) || Boolean.getBoolean("embedded")) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("postgres")) && Files.isExecutable(dir.resolve("initdb")))
                    .max(Comparator.comparing(dir -> Integer.parseInt(dir.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
