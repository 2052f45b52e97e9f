package fr.eintervention.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import fr.eintervention.localpostgres.LocalPostgres;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;

/**
 * The delivery engine's benchmark, over real HTTP on loopback, everything on this machine:
 * <ol>
 * <li>warm-up, not measured: rounds of {@code -Dwarmup} seconds of M1s at {@code -Dwarmup-rate}
 * per second, then at the measured rate, each until the JIT compiler spent less than 5% of a
 * round compiling (at most {@code -Dwarmup-rounds} each): a running OI is warm;</li>
 * <li>latency: M1 sent to the OI -> M2 received by each of the OC receivers, at a steady rate
 * (default 200 interventions/s to 4 OCs, 30 s measured after {@code -Dlead} seconds, 10, not
 * measured): p50, p99, max;</li>
 * <li>drain, running OI: a backlog of 10,000 M2 made due at once (an OC back after an outage):
 * deliveries per second;</li>
 * <li>drain, restart: the same backlog waiting in the outbox when the OI (its Spring context,
 * in the same JVM) starts.</li>
 * </ol>
 * Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench compile exec:java -Dexec.mainClass=fr.eintervention.bench.DeliveryBenchmark}
 */
public final class DeliveryBenchmark {

    private static final int RATE = Integer.getInteger("rate", 200);
    private static final int SECONDS = Integer.getInteger("seconds", 30);
    /**
     * seconds sent at the rate before the measure starts: the JIT recompiles what a change of
     * load makes the code do differently (a one-second stall at the start of the phase otherwise)
     */
    private static final int LEAD = Integer.getInteger("lead", 10);
    /** warm-up rounds: seconds each (0: none), at what rate, and at most how many */
    private static final int WARMUP = Integer.getInteger("warmup", 30);
    private static final int WARMUP_RATE = Integer.getInteger("warmup-rate", 100);
    private static final int WARMUP_ROUNDS = Integer.getInteger("warmup-rounds", 10);
    /** threads sending M1s, each on its own connection: as many M1s under way at most */
    private static final int SENDERS = 32;
    /** M2 in the drain phases; 0 skips them */
    private static final int BACKLOG = Integer.getInteger("backlog", 10_000);
    private static final List<String> OCS = List.of("OC01", "OC02", "OC03", "OC04").subList(0, Integer.getInteger("ocs", 4));
    /** settings under test, e.g. -Dworkers=32 -Dper-partner=8 -Dpool=10 (database connections; the OI's default: 30) */
    private static final Map<String, Object> ENGINE = Map.of(
            "eintervention.delivery.worker-threads", Integer.getInteger("workers", 16),
            "eintervention.delivery.partner-defaults.max-concurrent-calls", Integer.getInteger("per-partner", 4),
            "spring.datasource.hikari.maximum-pool-size", Integer.getInteger("pool", 30));

    /** when each OC received the message about each reference: "ref/OC" -> time */
    private static final Map<String, Instant> received = new ConcurrentHashMap<>();
    /** entries in {@link #received}: counted as they come, so that waiting for them costs the machine nothing */
    private static final AtomicLong receivedCount = new AtomicLong();

    public static void main(String[] args) throws Exception {
        List<PartnerStub> stubs = new ArrayList<>();
        for (String oc : OCS) {
            PartnerStub stub = PartnerStub.start();
            stub.replyWith(request -> {
                if (received.putIfAbsent(reference(request.body()) + "/" + oc, request.at()) == null) {
                    receivedCount.incrementAndGet();
                }
                return PartnerStub.Reply.ok();
            });
            stubs.add(stub);
        }
        try (LocalPostgres postgres = BenchSupport.postgres()) {
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl("postgres"), LocalPostgres.USER, ""));
            try (ConfigurableApplicationContext oi = BenchSupport.oi(postgres, ENGINE)) {
                referential(JsonHttp.at(BenchSupport.port(oi)), BenchSupport.port(oi), stubs);
                try (LoadClient http = new LoadClient(BenchSupport.port(oi), SENDERS)) {
                    warmUp(http);
                    try (AutoCloseable watch = BenchSupport.watchMaintenance(postgres, Instant.now())) {
                        latency(http);
                    }
                }
                if (BACKLOG > 0) {
                    drain(jdbc, "DRAIN-RUNNING", base -> true, "drain, running OI");
                }
                BenchSupport.printStatementStatistics(jdbc);
            }
            if (BACKLOG == 0) {
                return;
            }
            drain(jdbc, "DRAIN-RESTART", base -> {
                try (ConfigurableApplicationContext oi = BenchSupport.oi(postgres, ENGINE)) {
                    return awaitReceived(base, BACKLOG);
                }
            }, "drain, OI restarted on the backlog");
        } finally {
            stubs.forEach(PartnerStub::close);
        }
    }

    private static void referential(JsonHttp http, int port, List<PartnerStub> stubs) {
        for (int i = 0; i < OCS.size(); i++) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/referential/partners/" + OCS.get(i)))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"bench\",\"baseUrl\":\"" + stubs.get(i).baseUrl() + "\",\"flux3\":false}")));
        }
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/referential/pms/FI-BENCH-0001"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"codeOi\":\"OI01\",\"operators\":" + JsonHttp.write(OCS) + "}")));
    }

    /**
     * M1s at the given rate per second for the given seconds, after {@code leadSeconds} more not
     * measured; returns, by Ref_Interv_OI, when each measured one was sent and how long its answer took.
     */
    private static Sent steadyRate(LoadClient http, String prefix, int rate, int leadSeconds, int seconds)
            throws InterruptedException {
        int unmeasured = rate * leadSeconds;
        int total = unmeasured + rate * seconds;
        AtomicInteger answered = new AtomicInteger();
        long base = receivedCount.get();
        Sent sent = new Sent(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger count = new AtomicInteger();
        pacer.scheduleAtFixedRate(() -> {
            int n = count.getAndIncrement();
            if (n >= total) {
                return;
            }
            senders.execute(() -> {
                String body = """
                        {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s-%d","PM":"FI-BENCH-0001",
                         "Nature_PBO_PTO":[{"nature":1,"PBO":"PT%06d"}],"Debut_Inter":"%s"}""".formatted(prefix, n, n, Instant.now());
                Instant before = Instant.now();
                LoadClient.Response response = http.post("/v1/intervention_DO", body);
                if (response.status() == 200) {
                    answered.incrementAndGet();
                    if (n >= unmeasured) {
                        String ref = reference(response.body());
                        sent.at().put(ref, before);
                        sent.answerMillis().put(ref, Duration.between(before, Instant.now()).toNanos() / 1e6);
                    }
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(leadSeconds + seconds + 90).toNanos();
        while ((answered.get() < total || receivedCount.get() - base < (long) total * OCS.size())
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        pacer.shutdownNow();
        senders.shutdown();
        return sent;
    }

    /**
     * Sends M1s in rounds until the JIT compiler is idle: everything here (OI, OC receivers, this
     * client) shares one JVM and two cores, and its compiler, starved of CPU under load, takes
     * minutes to compile the hot paths; a production OI runs compiled code. First at the warm-up
     * rate, which a cold OI keeps up with, then at the measured rate: only that rate opens as
     * many connections and fills batches as full, and the code it runs the first time is
     * compiled again (half-second stalls in the measure otherwise).
     */
    private static void warmUp(LoadClient http) throws InterruptedException {
        warmUpAt(http, WARMUP_RATE);
        if (WARMUP_RATE < RATE) {
            warmUpAt(http, RATE);
        }
    }

    private static void warmUpAt(LoadClient http, int rate) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int round = 1; WARMUP > 0 && round <= WARMUP_ROUNDS; round++) {
            long compiling = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            steadyRate(http, "WARMUP" + rate + "-" + round, rate, 0, WARMUP);
            double share = (jit.getTotalCompilationTime() - compiling) / ((System.nanoTime() - start) / 1e6);
            System.out.printf("warm-up round %d: %d M1/s for %d s, JIT compiling %.0f%% of the time%n",
                    round, rate, WARMUP, share * 100);
            if (share < 0.05) {
                return;
            }
        }
    }

    private static void latency(LoadClient http) throws InterruptedException {
        long gcMillis = gcMillis();
        long[] cpu = BenchSupport.machineCpu();
        long jvmCpu = BenchSupport.jvmCpuNanos();
        Sent sent = steadyRate(http, "BENCH", RATE, LEAD, SECONDS);
        gcMillis = gcMillis() - gcMillis;
        BenchSupport.printCpu(cpu, jvmCpu);
        timeline(sent);
        double[] millis = sent.at().entrySet().stream()
                .flatMap(m1 -> latencies(m1.getKey(), m1.getValue()).stream())
                .mapToDouble(Double::doubleValue).toArray();
        System.out.printf("latency: %d M1 at %d/s to %d OCs, %d M2 received of %d expected%n",
                sent.at().size(), RATE, OCS.size(), millis.length, RATE * SECONDS * OCS.size());
        double[] answers = sent.answerMillis().values().stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("M1 sent -> R M1 received: p50 %.1f ms, p99 %.1f ms%n",
                BenchSupport.percentile(answers, 50), BenchSupport.percentile(answers, 99));
        if (millis.length > 0) {
            System.out.printf("M1 sent -> M2 received: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    BenchSupport.percentile(millis, 50), BenchSupport.percentile(millis, 99), BenchSupport.percentile(millis, 100));
        }
        System.out.printf("garbage collection during the phase: %d ms%n", gcMillis);
    }

    /** The seconds of the phase whose M2s took over 200 ms at p99: a short stall, or a queue that builds up. */
    private static void timeline(Sent sent) {
        Instant start = sent.at().values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        System.out.println("latency phase from " + start);
        Map<Long, List<Double>> bySecond = new TreeMap<>();
        sent.at().forEach((ref, at) -> bySecond.computeIfAbsent(Duration.between(start, at).toSeconds(),
                second -> new ArrayList<>()).addAll(latencies(ref, at)));
        bySecond.forEach((second, list) -> {
            double[] millis = list.stream().mapToDouble(Double::doubleValue).toArray();
            if (BenchSupport.percentile(millis, 99) > 200) {
                System.out.printf("  second %2d: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", second,
                        BenchSupport.percentile(millis, 50), BenchSupport.percentile(millis, 99), BenchSupport.percentile(millis, 100));
            }
        });
    }

    /** Milliseconds from an M1's sending to the reception of its M2 by each OC that received it. */
    private static List<Double> latencies(String ref, Instant sentAt) {
        return OCS.stream().map(oc -> received.get(ref + "/" + oc)).filter(got -> got != null)
                .map(got -> Duration.between(sentAt, got).toNanos() / 1e6).toList();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** Puts BACKLOG M2 in the outbox, due now, runs the OI on them, and reports the deliveries per second. */
    private static void drain(JdbcClient jdbc, String prefix, LongPredicate run, String label) {
        long base = receivedCount.get();
        jdbc.sql("""
                insert into delivery_message (partner, kind, subject, path, payload, next_attempt_at, created_at, updated_at)
                select 'OC0' || (1 + g % :ocs), 'M2', :prefix || '-' || g, '/v1/intervention_OI',
                       '{"Code_OI":"OI01","Ref_Interv_OI":"' || :prefix || '-' || g
                       || '","PM":"FI-BENCH-0001","PBO":[],"Debut_Inter":"2026-11-24T09:00:00+01:00"}',
                       now(), now(), now()
                from generate_series(1, :n) g
                """).param("ocs", OCS.size()).param("prefix", prefix).param("n", BACKLOG).update();
        if (Boolean.getBoolean("analyze")) {
            // diagnosis: the planner's statistics as autovacuum would leave them once it saw the backlog
            jdbc.sql("analyze delivery_message").update();
        }
        boolean complete = run.test(base) && awaitReceived(base, BACKLOG);
        List<Instant> times = received.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-"))
                .map(Map.Entry::getValue).sorted().toList();
        double seconds = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
        System.out.printf("%s: %,d of %,d delivered%s; first to last delivery %.1f s: %.0f deliveries/s%n", label,
                times.size(), BACKLOG, complete ? "" : " (gave up)", seconds, times.size() / seconds);
    }

    /** Waits until the OCs received {@code expected} messages more than {@code base}. */
    private static boolean awaitReceived(long base, int expected) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (receivedCount.get() - base >= expected) {
                    return true;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The Ref_Interv_OI of an M2 or an R M1, without parsing the whole body. */
    private static String reference(String body) {
        int key = body.indexOf("\"Ref_Interv_OI\"");
        int start = body.indexOf('"', body.indexOf(':', key) + 1) + 1;
        return body.substring(start, body.indexOf('"', start));
    }

    private record Sent(Map<String, Instant> at, Map<String, Double> answerMillis) {
    }
}
