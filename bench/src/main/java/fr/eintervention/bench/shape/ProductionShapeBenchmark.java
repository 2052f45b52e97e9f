package fr.eintervention.bench.shape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.eintervention.bench.BenchSupport;

/**
 * The OI measured in production's shape, in one run: a PostgreSQL with durable commits
 * and default settings ({@link DurablePostgres}), the demo authorization server, the OI (security
 * on, its production defaults) as processes of their own, the OC receivers ({@link OcReceivers})
 * and the load generator ({@link LoadGenerator}) as further processes. It reports
 * <ol>
 * <li>the physical limit: pgbench running the OI's own M1 transaction and the later outcome
 * update ({@code pgbench/m1-transaction.sql}) at its best client count;</li>
 * <li>the ingest capacity: the highest M1 rate sustained for {@code -Dcapacity-seconds} (60) with
 * R M1 p99 at most 100 ms, every M1 answered OK and every M2 received within 10 s of the last M1;</li>
 * <li>M1 -> M2 latency at {@code -Drate} (200) M1/s to 4 OCs;</li>
 * <li>the drain of a {@code -Dbacklog} (10,000) message backlog by one OI, then by two on one database;</li>
 * <li>each process's heap after a full GC and its RSS.</li>
 * </ol>
 * With {@code -Dcompare-jar} or {@code -Dcompare-mix=true}, only M1 -> M2, compared in one run
 * ({@link #compare}). Run {@code bench/production-shape.sh} (it builds first). Child logs stay in
 * the printed directory.
 */
public final class ProductionShapeBenchmark {

    private static final int RATE = Integer.getInteger("rate", 200);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int WARMUP = Integer.getInteger("warmup", 60);
    private static final int BACKLOG = Integer.getInteger("backlog", 10_000);
    private static final int CAPACITY_SECONDS = Integer.getInteger("capacity-seconds", 60);
    private static final int PGBENCH_SECONDS = Integer.getInteger("pgbench-seconds", 20);
    private static final List<Integer> CAPACITY_RATES = ints(System.getProperty("capacity-rates", "200,300,400,500,600,800"));
    private static final List<Integer> PGBENCH_CLIENTS = ints(System.getProperty("pgbench-clients", "1,2,4,8,16,32"));
    /** the OI's JVM options: the memory setting the README gives production */
    private static final String OI_JVM = System.getProperty("oi-jvm", "-Xms256m -Xmx512m");
    /** stored interventions at which M1 and the consultation are timed, e.g. 1000,10000000 (none by default: 10^7 takes a while) */
    private static final List<Integer> SIZES = System.getProperty("sizes", "").isBlank() ? List.of() : ints(System.getProperty("sizes"));
    /** records the OI with Flight Recorder during the latency phase, and says where its CPU went */
    private static final boolean PROFILE = Boolean.getBoolean("profile");
    /**
     * another build's OI jar: instead of the phases above, M1 -> M2 of this build and of that one,
     * alternated ({@code -Dcompare-rounds}, 2: ABBA), each on a fresh database in the same run
     */
    private static final String COMPARE_JAR = System.getProperty("compare-jar", "");
    private static final int COMPARE_ROUNDS = Integer.getInteger("compare-rounds", 2);
    /**
     * instead of the phases above, M1 -> M2 of this build with v1 partners only and with v1 and v2
     * partners mixed ({@link Shape#MIXED}), alternated as with {@code -Dcompare-jar}
     */
    private static final boolean COMPARE_MIX = Boolean.getBoolean("compare-mix");
    private static final List<String> OCS = List.of("OC01", "OC02", "OC03", "OC04");
    /** the second DO of the compared shapes (the demo auth-server has DO01 only: this one is added at its start) */
    private static final String DO02_SECRET = "bench-do02-secret";
    private static final String PM = "FI-BENCH-0001";
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Path work;
    private final DurablePostgres postgres;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Integer> receiverPorts = new LinkedHashMap<>();
    private final Map<String, String> results = new LinkedHashMap<>();
    private final Map<String, String> statements = new LinkedHashMap<>();
    /** what the receivers got, in order, as far as read */
    private final List<String> receptions = new ArrayList<>();
    private String issuer;
    private int controlPort;
    private ChildProcess auth;
    private ChildProcess receivers;

    private ProductionShapeBenchmark(Path work, DurablePostgres postgres) {
        this.work = work;
        this.postgres = postgres;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("eintervention-shape");
        System.out.println("logs of every process: " + work);
        try (DurablePostgres postgres = DurablePostgres.start()) {
            System.out.println("database: " + postgres.describe());
            new ProductionShapeBenchmark(work, postgres).run();
        }
    }

    private void run() throws Exception {
        sql("postgres", "create database oi");
        int authPort = DurablePostgres.freePort();
        issuer = "http://127.0.0.1:" + authPort;
        List<ChildProcess> processes = new ArrayList<>();
        try {
            auth = ChildProcess.start("auth-server", work, List.of("-Xmx128m"),
                    List.of("-jar", jar("auth-server").toString(), "--spring.profiles.active=demo", "--server.port=" + authPort,
                            "--eintervention.auth-server.clients.DO02.secret=" + DO02_SECRET,
                            "--eintervention.auth-server.clients.DO02.scopes=write:interventions"),
                    Map.of("AUTH_ISSUER", issuer));
            processes.add(auth);
            receivers = ChildProcess.start("oc-receivers", work, List.of("-Xmx768m"),
                    ChildProcess.main(OcReceivers.class, OCS.toArray(String[]::new)), Map.of());
            processes.add(receivers);
            for (String entry : receivers.awaitLine("READY", Duration.ofSeconds(30)).substring(6).split(" ")) {
                String[] pair = entry.split("=");
                if (pair[0].equals("control")) {
                    controlPort = Integer.parseInt(pair[1]);
                } else {
                    receiverPorts.put(pair[0], Integer.parseInt(pair[1]));
                }
            }
            auth.awaitUp(issuer + "/actuator/health", Duration.ofMinutes(2));
            if (!COMPARE_JAR.isBlank()) {
                Path other = Path.of(COMPARE_JAR).toAbsolutePath();
                compare(List.of(new Contestant("this build", jar("oi-service"), Shape.V1_ONE_DO),
                        new Contestant("compared build (" + other.getFileName() + ")", other, Shape.V1_ONE_DO)));
                return;
            }
            if (COMPARE_MIX) {
                compare(List.of(new Contestant("v1 only", jar("oi-service"), Shape.V1_ONLY),
                        new Contestant("v1 and v2 mixed", jar("oi-service"), Shape.MIXED)));
                return;
            }
            int oiPort = DurablePostgres.freePort();
            ChildProcess oi = startOi("oi-1", oiPort);
            processes.add(oi);
            String oiUrl = "http://127.0.0.1:" + oiPort;
            referential(oiUrl, token("operator", "demo-operator-secret"), Shape.V1_ONE_DO);
            physicalLimit();
            String doToken = token("DO01", "demo-do01-secret");
            System.out.printf("warm-up: %d s at 100 M1/s, then %d s at %d M1/s%n", WARMUP, WARMUP / 2, RATE);
            load(oiUrl, doToken, 100, 0, WARMUP, "WARM1");
            load(oiUrl, doToken, RATE, 0, WARMUP / 2, "WARM2");
            latency(oiUrl, doToken, oi);
            capacity(oiUrl, doToken);
            for (int size : SIZES) {
                costAtSize(oiUrl, doToken, token("operator", "demo-operator-secret"), size);
            }
            if (BACKLOG > 0) {
                drain("DRAIN1", "one instance");
                int secondPort = DurablePostgres.freePort();
                ChildProcess second = startOi("oi-2", secondPort);
                processes.add(second);
                drain("DRAIN2", "two instances");
            }
            for (ChildProcess process : processes) {
                results.put("heap after full GC / RSS, " + process.name,
                        String.format("%.0f MB / %.0f MB", process.heapAfterFullGcMb(), process.rssMb()));
            }
        } finally {
            processes.forEach(ChildProcess::close);
            postgres.keepLog(work);
        }
        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("| --- | --- |");
        results.forEach((measure, result) -> System.out.println("| " + measure + " | " + result + " |"));
        if (!statements.isEmpty()) {
            System.out.println();
            System.out.println("PostgreSQL's statements during the latency phase (pg_stat_statements, by total time):");
            System.out.println();
            System.out.println("| statement | calls | total ms | mean ms |");
            System.out.println("| --- | --- | --- | --- |");
            statements.forEach((statement, figures) -> System.out.println("| `" + statement + "` | " + figures + " |"));
        }
    }

    /**
     * The partners of an M1 -> M2 phase: which DOs send, each in which version (the pacer's ticks
     * go to each in turn), and which OCs speak v2 (the others v1).
     */
    enum Shape {
        /** the benchmark's shape: DO01 sends every M1 in v1, four OCs in v1 */
        V1_ONE_DO(Map.of("DO01", "v1"), List.of()),
        /** DO01 and DO02 in v1, half the rate each; four OCs in v1: the mixed shape with v1 alone */
        V1_ONLY(Map.of("DO01", "v1", "DO02", "v1"), List.of()),
        /**
         * DO01 in v1 and DO02 in v2, half the rate each; OC01, OC03 in v1, OC02, OC04 in v2 (alternate, so
         * that no version is the OCs served first or last): every pair of versions
         */
        MIXED(Map.of("DO01", "v1", "DO02", "v2"), List.of("OC02", "OC04"));

        final Map<String, String> dos;
        final List<String> v2Ocs;

        Shape(Map<String, String> dos, List<String> v2Ocs) {
            this.dos = new TreeMap<>(dos);
            this.v2Ocs = v2Ocs;
        }

        String versionOf(String oc) {
            return v2Ocs.contains(oc) ? "v2" : "v1";
        }
    }

    /** What one side of a comparison runs: an OI jar, with its partners. */
    private record Contestant(String name, Path jar, Shape shape) {
    }

    /**
     * M1 -> M2 at {@code -Drate} of two contestants (two builds, or one build with two shapes of
     * partners), each after its own warm-up on a fresh database, in rounds alternating which goes
     * first (A B, B A, ...): what else the machine does weighs on both alike. Each round prints
     * p50 / p99 / max, the M2 received of those expected and, for each version pair M1 -> M2, the
     * same; then the ratio of the second's p99 to the first's, by round, pooled, and by version pair.
     */
    private void compare(List<Contestant> contestants) throws Exception {
        Map<String, List<M2>> pooled = new LinkedHashMap<>();
        Map<Integer, Map<String, List<M2>>> rounds = new LinkedHashMap<>();
        for (int round = 1; round <= COMPARE_ROUNDS; round++) {
            List<Contestant> order = new ArrayList<>(contestants);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Contestant contestant : order) {
                int number = contestants.indexOf(contestant) + 1;
                String database = "oi_" + round + "_" + number;
                sql("postgres", "create database " + database);
                int port = DurablePostgres.freePort();
                String oiUrl = "http://127.0.0.1:" + port;
                String prefix = "R" + round + "B" + number;
                try (ChildProcess oi = startOi("oi-" + prefix, port, contestant.jar(), database, PROFILE)) {
                    referential(oiUrl, token("operator", "demo-operator-secret"), contestant.shape());
                    List<String> senders = senders(contestant.shape());
                    System.out.printf("%s, round %d: warm-up, then %d s at %d M1/s (load average %s)%n", contestant.name(), round,
                            SECONDS, RATE, loadAverage());
                    load(oiUrl, senders, 100, 0, WARMUP, prefix + "W1");
                    load(oiUrl, senders, RATE, 0, WARMUP / 2, prefix + "W2");
                    long[] cpu = BenchSupport.machineCpu();
                    double[] before = {oi.cpuSeconds(), postgres.cpuSeconds()};
                    String loadBefore = loadAverage();
                    Instant start = Instant.now();
                    Load load = load(oiUrl, senders, RATE, 10, SECONDS, prefix + "LAT");
                    Instant end = Instant.now();
                    String cpuBusy = String.format("%.0f%%", busy(cpu));
                    double[] after = {oi.cpuSeconds(), postgres.cpuSeconds()};
                    List<M2> m2 = m2s(load, Duration.ofSeconds(30));
                    String label = String.format("round %d, %s", round, contestant.name());
                    long misplaced = m2.stream().filter(one -> !one.version().equals(contestant.shape().versionOf(one.oc()))).count();
                    results.put(label + String.format(": M1 → M2 at %d M1/s × %d OCs, p50 / p99 / max", RATE, OCS.size()),
                            String.format("%s (%,d M2 of %,d expected%s; %s M1 failed; machine %s busy; CPU per M1: OI %.2f ms,"
                                    + " PostgreSQL %.2f ms; load average %s → %s)", figures(m2, true), m2.size(),
                                    load.refs.size() * OCS.size(), misplaced == 0 ? "" : String.format(", %,d in another version than"
                                            + " their OC's", misplaced), load.failed, cpuBusy,
                                    1000 * (after[0] - before[0]) / load.refs.size(), 1000 * (after[1] - before[1]) / load.refs.size(),
                                    loadBefore, loadAverage()));
                    Map<String, List<M2>> pairs = byPair(m2);
                    if (pairs.size() > 1) {
                        StringBuilder text = new StringBuilder();
                        pairs.forEach((pair, list) -> text.append(String.format("%s %s (%,d of %,d); ", pair, figures(list, false),
                                list.size(), load.versions.values().stream().filter(pair.substring(0, 2)::equals).count()
                                        * OCS.stream().filter(oc -> contestant.shape().versionOf(oc).equals(pair.substring(4))).count())));
                        results.put(label + ": by version pair M1 → M2, p50 / p99 / max", text.substring(0, text.length() - 2));
                    }
                    StringBuilder byOc = new StringBuilder();
                    for (String oc : OCS) {
                        List<M2> at = m2.stream().filter(one -> one.oc().equals(oc)).toList();
                        byOc.append(String.format("%s (%s) %s, %,d; ", oc, contestant.shape().versionOf(oc), figures(at, false), at.size()));
                    }
                    results.put(label + ": by OC, p50 / p99 / max, M2 received", byOc.substring(0, byOc.length() - 2));
                    if (PROFILE) {
                        Path recording = work.resolve("oi-" + prefix + ".jfr");
                        oi.jcmd("JFR.dump", "name=oi", "filename=" + recording);
                        results.put(label + ": the OI's CPU by layer (Flight Recorder samples)",
                                ProfileSummary.summarize(recording, start, end));
                    }
                    pooled.computeIfAbsent(contestant.name(), name -> new ArrayList<>()).addAll(m2);
                    rounds.computeIfAbsent(round, r -> new LinkedHashMap<>()).put(contestant.name(), m2);
                }
            }
        }
        String first = contestants.get(0).name();
        String second = contestants.get(1).name();
        rounds.forEach((round, both) -> results.put(String.format("round %d: p99 of %s / p99 of %s", round, second, first),
                ratios(both.get(first), both.get(second))));
        results.put(String.format("all rounds pooled: p99 of %s / p99 of %s", second, first), ratios(pooled.get(first), pooled.get(second)));
        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("| --- | --- |");
        results.forEach((measure, result) -> System.out.println("| " + measure + " | " + result + " |"));
    }

    /** The second's p99 over the first's, overall then for each version pair of the second. */
    private static String ratios(List<M2> first, List<M2> second) {
        double reference = percentile(first, 99);
        StringBuilder text = new StringBuilder(String.format("**%.2f** (%.1f / %.1f ms)", percentile(second, 99) / reference,
                percentile(second, 99), reference));
        Map<String, List<M2>> pairs = byPair(second);
        if (pairs.size() > 1) {
            pairs.forEach((pair, list) -> text.append(String.format("; %s %.2f", pair, percentile(list, 99) / reference)));
        }
        return text.toString();
    }

    private static Map<String, List<M2>> byPair(List<M2> m2) {
        Map<String, List<M2>> pairs = new TreeMap<>();
        m2.forEach(one -> pairs.computeIfAbsent(one.m1Version() + "->" + one.version(), pair -> new ArrayList<>()).add(one));
        return pairs;
    }

    private static String figures(List<M2> m2, boolean bold) {
        if (m2.isEmpty()) {
            return "no M2 within 30 s of the last M1";
        }
        String text = String.format("%.1f / %.1f / %.1f ms", percentile(m2, 50), percentile(m2, 99), percentile(m2, 100));
        return bold ? "**" + text + "**" : text;
    }

    private static double percentile(List<M2> m2, double p) {
        return BenchSupport.percentile(m2.stream().mapToDouble(M2::millis).toArray(), p);
    }

    /** The load generator's DOs of that shape, {@code code:version:token} each. */
    private List<String> senders(Shape shape) throws IOException, InterruptedException {
        List<String> senders = new ArrayList<>();
        for (Map.Entry<String, String> sender : shape.dos.entrySet()) {
            String secret = sender.getKey().equals("DO02") ? DO02_SECRET : "demo-do01-secret";
            senders.add(sender.getKey() + ":" + sender.getValue() + ":" + token(sender.getKey(), secret));
        }
        return senders;
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private ChildProcess startOi(String name, int port) throws IOException, InterruptedException {
        return startOi(name, port, jar("oi-service"), "oi", PROFILE && name.equals("oi-1"));
    }

    private ChildProcess startOi(String name, int port, Path jar, String database, boolean record) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--eintervention.security.issuer-uri=" + issuer,
                // the load generator is one DO sending for a whole region: above the per-partner limit's default
                "--eintervention.security.rate-limit.partners.DO01=100000",
                "--eintervention.security.rate-limit.partners.DO02=100000"));
        for (String oc : OCS) {
            String prefix = "--eintervention.outbound." + oc + ".auth.";
            arguments.addAll(List.of(prefix + "type=oauth2", prefix + "token-uri=" + issuer + "/oauth2/token",
                    prefix + "client-id=OI01", prefix + "client-secret=demo-oi01-secret"));
        }
        // further settings of the OI under test, e.g. -Doi.args="--eintervention.delivery.worker-threads=32"
        String extra = System.getProperty("oi.args", "");
        if (!extra.isBlank()) {
            arguments.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        List<String> jvm = new ArrayList<>(Arrays.asList(OI_JVM.trim().split("\\s+")));
        if (record) {
            jvm.add("-XX:StartFlightRecording:name=oi,settings=profile,maxage=15m");
        }
        ChildProcess oi = ChildProcess.start(name, work, jvm, arguments,
                Map.of("AUTH_ISSUER", issuer));
        oi.awaitUp("http://127.0.0.1:" + port + "/actuator/health", Duration.ofMinutes(3));
        return oi;
    }

    /** The OCs at the bench's PM, and the DOs, each in its version of that shape (the admin API's protocolVersion). */
    private void referential(String oiUrl, String operatorToken, Shape shape) throws IOException, InterruptedException {
        for (String oc : OCS) {
            put(oiUrl + "/admin/referential/partners/" + oc, operatorToken,
                    "{\"name\":\"bench " + oc + "\",\"baseUrl\":\"http://127.0.0.1:" + receiverPorts.get(oc)
                            + "\",\"flux3\":false,\"protocolVersion\":\"" + shape.versionOf(oc) + "\"}");
        }
        for (Map.Entry<String, String> sender : shape.dos.entrySet()) {
            put(oiUrl + "/admin/referential/partners/" + sender.getKey(), operatorToken, "{\"name\":\"bench " + sender.getKey()
                    + "\",\"baseUrl\":null,\"flux3\":false,\"actsAsDo\":true,\"protocolVersion\":\"" + sender.getValue() + "\"}");
        }
        put(oiUrl + "/admin/referential/pms/" + PM, operatorToken,
                "{\"codeOi\":\"OI01\",\"operators\":[\"" + String.join("\",\"", OCS) + "\"]}");
    }

    /** pgbench running the OI's M1 transaction at each client count: the best transactions per second. */
    private void physicalLimit() throws Exception {
        Path pgbench = postgres.pgbench();
        if (pgbench == null) {
            results.put("physical limit (pgbench, OI's M1 transaction)", "not measured: no pgbench on this machine");
            return;
        }
        Path script = work.resolve("m1-transaction.sql");
        try (var in = ProductionShapeBenchmark.class.getResourceAsStream("/pgbench/m1-transaction.sql")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().setReadable(true, false);
        work.toFile().setExecutable(true, false);
        double best = 0;
        int bestClients = 0;
        StringBuilder all = new StringBuilder();
        for (int clients : PGBENCH_CLIENTS) {
            List<String> command = new ArrayList<>(postgres.asPostgresCommand(pgbench.toString(), "-h", "127.0.0.1",
                    "-p", Integer.toString(postgres.port()), "-U", "postgres", "-n", "-f", script.toString(),
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                    "-T", Integer.toString(PGBENCH_SECONDS), "-D", "clients=" + clients, "oi"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Matcher tps = PGBENCH_TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            double value = Double.parseDouble(tps.group(1));
            all.append(String.format("%d: %.0f, ", clients, value));
            System.out.printf("pgbench, OI's M1 transaction, %d clients: %.0f M1/s%n", clients, value);
            if (value > best) {
                best = value;
                bestClients = clients;
            }
        }
        physicalLimit = best;
        // pgbench's rows are not the OI's to send: gone before the OI is measured
        sql("oi", "delete from delivery_message where subject like 'PGB-%'");
        sql("oi", "delete from intervention where ref_interv_oi like 'PGB-%'");
        results.put("physical limit (pgbench, OI's M1 transaction, by clients)", all.substring(0, all.length() - 2) + " M1/s");
        results.put("physical limit, best", String.format("**%.0f M1/s** (%d clients)", best, bestClients));
    }

    private double physicalLimit;

    private void latency(String oiUrl, String doToken, ChildProcess oi) throws Exception {
        if (postgres.statementStatistics()) {
            sql("oi", "create extension if not exists pg_stat_statements");
            sql("oi", "select pg_stat_statements_reset()");
        }
        long[] cpu = BenchSupport.machineCpu();
        long wall = System.nanoTime();
        double[] before = {oi.cpuSeconds(), receivers.cpuSeconds(), auth.cpuSeconds(), postgres.cpuSeconds()};
        Instant start = Instant.now();
        Load load = load(oiUrl, doToken, RATE, 10, SECONDS, "LAT");
        if (PROFILE) {
            // recorded since the OI started (starting a recording under load stalls the JVM); the phase's samples only
            Path recording = work.resolve("oi.jfr");
            oi.jcmd("JFR.dump", "name=oi", "filename=" + recording);
            results.put(String.format("OI's CPU at %d M1/s, by layer (Flight Recorder samples)", RATE),
                    ProfileSummary.summarize(recording, start, Instant.now()));
        }
        double[] after = {oi.cpuSeconds(), receivers.cpuSeconds(), auth.cpuSeconds(), postgres.cpuSeconds()};
        double seconds = (System.nanoTime() - wall) / 1e9;
        String cpuBusy = String.format("%.0f%%", busy(cpu));
        double[] cores = {(after[0] - before[0]) / seconds, (after[3] - before[3]) / seconds, (after[1] - before[1]) / seconds,
                load.cpuSeconds / seconds, (after[2] - before[2]) / seconds};
        int processors = Runtime.getRuntime().availableProcessors();
        results.put(String.format("cores used at %d M1/s (of %d): OI / PostgreSQL / receivers / load generator / auth-server", RATE, processors),
                String.format("%.2f / %.2f / %.2f / %.2f / %.2f", cores[0], cores[1], cores[2], cores[3], cores[4]));
        // what each M1 costs in CPU, and the rate at which the machine's cores would be spent
        double oiAndDatabase = 1000 * (cores[0] + cores[1]) / RATE;
        double all = 1000 * Arrays.stream(cores).sum() / RATE;
        results.put("CPU per M1 (its four M2 included): OI / PostgreSQL / receivers / load generator",
                String.format("%.2f / %.2f / %.2f / %.2f ms; the cores spent at %.0f M1/s (everything on this machine),"
                        + " at %.0f M1/s were the OI and PostgreSQL alone on it", 1000 * cores[0] / RATE, 1000 * cores[1] / RATE,
                        1000 * cores[2] / RATE, 1000 * cores[3] / RATE, 1000 * processors / all, 1000 * processors / oiAndDatabase));
        if (postgres.statementStatistics()) {
            topStatements();
        }
        double rss = oi.rssMb();
        List<Double> m2 = m2Latencies(load, Duration.ofSeconds(30));
        double[] millis = m2.stream().mapToDouble(Double::doubleValue).toArray();
        results.put(String.format("R M1 at %d M1/s × %d OCs, p50 / p99", RATE, OCS.size()),
                String.format("%.1f / %.1f ms", load.answerPercentile(50), load.answerPercentile(99)));
        results.put(String.format("M1 → M2 at %d M1/s × %d OCs, p50 / p99 / max", RATE, OCS.size()),
                String.format("**%.1f / %.1f / %.1f ms** (%,d M2 of %,d expected; machine %s busy)", BenchSupport.percentile(millis, 50),
                        BenchSupport.percentile(millis, 99), BenchSupport.percentile(millis, 100), millis.length, load.refs.size() * OCS.size(), cpuBusy));
        results.put("OI RSS at the end of the latency phase", String.format("%.0f MB", rss));
    }

    /** The ten statements that took PostgreSQL the most time, from pg_stat_statements. */
    private void topStatements() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("oi"), "postgres", "");
                Statement sql = connection.createStatement();
                var rows = sql.executeQuery("select query, calls, total_exec_time, mean_exec_time from pg_stat_statements"
                        + " where dbid = (select oid from pg_database where datname = 'oi') order by total_exec_time desc limit 10")) {
            while (rows.next()) {
                String query = rows.getString(1).replaceAll("\\s+", " ").replace("|", "/");
                statements.put(query.length() > 110 ? query.substring(0, 110) + "…" : query,
                        String.format("%,d | %,.0f | %.3f", rows.getLong(2), rows.getDouble(3), rows.getDouble(4)));
            }
        }
    }

    private void capacity(String oiUrl, String doToken) throws Exception {
        int sustained = 0;
        StringBuilder tried = new StringBuilder();
        for (int rate : CAPACITY_RATES) {
            Load load = load(oiUrl, doToken, rate, 5, CAPACITY_SECONDS, "CAP" + rate);
            List<Double> m2 = m2Latencies(load, Duration.ofSeconds(10));
            long expected = (long) load.refs.size() * OCS.size();
            boolean kept = load.failed == 0 && load.answerPercentile(99) <= 100 && m2.size() >= expected;
            tried.append(String.format("%d/s: R M1 p99 %.0f ms, %s M2 %,d/%,d%s; ", rate, load.answerPercentile(99),
                    load.failed == 0 ? "all OK," : load.failed + " failed,", m2.size(), expected, kept ? "" : " ✗"));
            System.out.println("capacity " + tried);
            if (!kept) {
                break;
            }
            sustained = rate;
        }
        results.put("ingest capacity, rates tried", tried.toString().trim());
        results.put("ingest capacity", String.format("**%d M1/s**%s", sustained, physicalLimit > 0
                ? String.format(" = %.0f%% of the physical limit", 100 * sustained / physicalLimit) : ""));
    }

    /**
     * Tops the stored interventions up to {@code size} (a generated year of 500 PMs and 20 DOs),
     * then times M1s at 100/s for 30 s and the consultation's queries (p50 of 20 after 3 warm-ups).
     */
    private void costAtSize(String oiUrl, String doToken, String operatorToken, int size) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("oi"), "postgres", "");
                PreparedStatement insert = connection.prepareStatement(Files.readString(resource("/pgbench/interventions.sql")))) {
            insert.setInt(1, size);
            insert.setInt(2, size);
            insert.executeUpdate();
            connection.createStatement().execute("vacuum analyze intervention");
            // the generated rows written to disk now, not by checkpoints during the measurement
            connection.createStatement().execute("checkpoint");
        }
        System.out.printf("%,d interventions stored (%.0f s)%n", size, (System.nanoTime() - start) / 1e9);
        Load load = load(oiUrl, doToken, 100, 5, 30, "SIZE" + size);
        StringBuilder queries = new StringBuilder(String.format("R M1 p99 %.1f ms", load.answerPercentile(99)));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("by PM", "/consultation/interventions?pm=FI-GEN-42");
        paths.put("by DO, a month", "/consultation/interventions?codeDo=DO07&from=2026-03-01&to=2026-04-01");
        paths.put("one", "/consultation/interventions/OIGEN-" + (size / 2));
        paths.put("statistics by DO, a month", "/consultation/statistics?from=2026-06-01&to=2026-07-01&by=DO");
        paths.put("statistics by PM, a month", "/consultation/statistics?from=2026-06-01&to=2026-07-01&by=PM");
        for (Map.Entry<String, String> path : paths.entrySet()) {
            double[] millis = new double[20];
            for (int run = -3; run < millis.length; run++) {
                long begin = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create(oiUrl + path.getValue())).header("Authorization", "Bearer " + operatorToken)
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - begin) / 1e6;
                }
            }
            queries.append(String.format("; %s p50 %.1f ms", path.getKey(), BenchSupport.percentile(millis, 50)));
        }
        results.put(String.format("cost at %,d stored interventions", size), queries.toString());
    }

    /** Queues BACKLOG M2s, due now, in the outbox, and reports the deliveries per second as the receivers saw them. */
    private void drain(String prefix, String label) throws Exception {
        // the previous phases' messages first (a capacity rate beyond the pace leaves some waiting)
        long settled = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (waiting() > 0 && System.nanoTime() < settled) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("oi"), "postgres", "");
                PreparedStatement insert = connection.prepareStatement(
                        Files.readString(resource("/pgbench/backlog.sql")))) {
            insert.setInt(1, OCS.size());
            insert.setString(2, prefix);
            insert.setString(3, prefix);
            insert.setInt(4, BACKLOG);
            insert.executeUpdate();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (received(prefix + "-").size() < BACKLOG && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        long[] times = received(prefix + "-").stream()
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sorted().toArray();
        double seconds = (times[times.length - 1] - times[0]) / 1e6;
        results.put("drain of " + String.format("%,d", BACKLOG) + " M2, " + label,
                String.format("**%,.0f deliveries/s** (%,d in %.1f s)", times.length / seconds, times.length, seconds));
    }

    private Path resource(String name) throws IOException {
        Path file = work.resolve(Path.of(name).getFileName());
        try (var in = ProductionShapeBenchmark.class.getResourceAsStream(name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** DO01 sending v1's M1s (the benchmark's shape). */
    private Load load(String oiUrl, String token, int rate, int lead, int seconds, String prefix) throws Exception {
        return load(oiUrl, List.of("DO01:v1:" + token), rate, lead, seconds, prefix);
    }

    /** Runs the load generator as a process of its own for those DOs ({@code code:version:token}), and reads what it measured. */
    private Load load(String oiUrl, List<String> senders, int rate, int lead, int seconds, String prefix) throws Exception {
        Path out = work.resolve(prefix + ".txt");
        List<String> arguments = new ArrayList<>(List.of(oiUrl, Integer.toString(rate), Integer.toString(lead),
                Integer.toString(seconds), prefix, PM, out.toString()));
        arguments.addAll(senders);
        ChildProcess generator = ChildProcess.start("load-" + prefix, work, List.of("-Xmx256m"),
                ChildProcess.main(LoadGenerator.class, arguments.toArray(String[]::new)), Map.of());
        generator.awaitExit(Duration.ofSeconds(lead + seconds + 180));
        Matcher failed = Pattern.compile("FAILED (\\d+)").matcher(generator.output());
        Matcher cpu = Pattern.compile("CPU ([0-9.]+)").matcher(generator.output());
        Load load = new Load(new HashMap<>(), new HashMap<>(), new ArrayList<>(), failed.find() ? Integer.parseInt(failed.group(1)) : -1,
                cpu.find() ? Double.parseDouble(cpu.group(1)) : Double.NaN);
        for (String line : Files.readAllLines(out)) {
            String[] fields = line.split(" ");
            if (fields.length == 5 && fields[3].equals("200")) {
                load.refs.put(fields[0], Long.parseLong(fields[1]));
                load.versions.put(fields[0], fields[4]);
                load.answerMicros.add(Long.parseLong(fields[2]));
            }
        }
        return load;
    }

    /** Milliseconds from each measured M1's sending to its M2's reception by each OC, waiting up to {@code patience} for them. */
    private List<Double> m2Latencies(Load load, Duration patience) throws Exception {
        return m2s(load, patience).stream().map(M2::millis).toList();
    }

    /** Each measured M1's M2 received by each OC, waiting up to {@code patience} for them all. */
    private List<M2> m2s(Load load, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        List<M2> m2 = new ArrayList<>();
        do {
            m2.clear();
            for (String line : received()) {
                String[] fields = line.split(" ");
                Long sent = load.refs.get(fields[0]);
                if (sent != null && fields[2].equals("M2")) {
                    m2.add(new M2(fields[1], load.versions.get(fields[0]), fields[3], (Long.parseLong(fields[4]) - sent) / 1000.0));
                }
            }
            if (m2.size() >= load.refs.size() * OCS.size()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        } while (System.nanoTime() < deadline);
        return m2;
    }

    /** An M2 received: by which OC, the version of its M1 and its own, milliseconds after its M1 was sent. */
    private record M2(String oc, String m1Version, String version, double millis) {
    }

    /** Messages of the OI's outbox still to send. */
    private long waiting() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("oi"), "postgres", "");
                Statement sql = connection.createStatement();
                var rows = sql.executeQuery("select count(*) from delivery_message where status in ('PENDING', 'SENDING')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every reception so far (first of each message), fetched from where the last call stopped. */
    private List<String> received() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + "/received?since=" + receptions.size()))
                        .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = response.body()) {
            lines.filter(line -> !line.isEmpty()).forEach(receptions::add);
        }
        return receptions;
    }

    /** The receptions whose reference starts with the prefix. */
    private List<String> received(String prefix) throws Exception {
        return received().stream().filter(line -> line.startsWith(prefix)).toList();
    }

    private String token(String client, String secret) throws IOException, InterruptedException {
        return Services.token(http, issuer, client, secret);
    }

    private void put(String url, String token, String json) throws IOException, InterruptedException {
        Services.send(http, "PUT", url, token, json);
    }

    private void sql(String database, String statement) throws Exception {
        Services.sql(postgres, database, statement);
    }

    private static Path jar(String module) throws IOException {
        return Services.jar(module);
    }

    private static double busy(long[] before) throws IOException {
        return Services.busy(before);
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    /** What the load generator measured: when each answered M1 was sent (by Ref_Interv_OI), in which version, and its answer times. */
    private record Load(Map<String, Long> refs, Map<String, String> versions, List<Long> answerMicros, int failed, double cpuSeconds) {
        double answerPercentile(double p) {
            return BenchSupport.percentile(answerMicros.stream().mapToDouble(micros -> micros / 1000.0).toArray(), p);
        }
    }
}
