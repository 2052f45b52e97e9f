package fr.eintervention.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.eintervention.localpostgres.LocalPostgres;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;

/**
 * Issue 3's benchmark, over real HTTP on loopback, everything on this machine:
 * <ol>
 * <li>latency: M1 accepted by the OI -> M2 received by each of 4 OC receivers, at a steady rate
 * (default 200 interventions/s for 30 s): p50, p99, max;</li>
 * <li>drain: a backlog of 10,000 M2 waiting in the outbox when the OI starts: deliveries per second.</li>
 * </ol>
 * Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java -Dexec.mainClass=fr.eintervention.bench.DeliveryBenchmark}
 */
public final class DeliveryBenchmark {

    private static final int RATE = Integer.getInteger("rate", 200);
    private static final int SECONDS = Integer.getInteger("seconds", 30);
    private static final int BACKLOG = Integer.getInteger("backlog", 10_000);
    private static final List<String> OCS = List.of("OC01", "OC02", "OC03", "OC04").subList(0, Integer.getInteger("ocs", 4));
    /** engine settings under test, e.g. -Dworkers=32 -Dper-partner=8 */
    private static final Map<String, Object> ENGINE = Map.of(
            "eintervention.delivery.worker-threads", Integer.getInteger("workers", 16),
            "eintervention.delivery.partner-defaults.max-concurrent-calls", Integer.getInteger("per-partner", 4));

    public static void main(String[] args) throws Exception {
        List<PartnerStub> stubs = new ArrayList<>();
        Map<String, Instant> received = new ConcurrentHashMap<>();
        for (String oc : OCS) {
            PartnerStub stub = PartnerStub.start();
            stub.replyWith(request -> {
                String ref = JsonHttp.parse(request.body()).get("Ref_Interv_OI").asString();
                received.putIfAbsent(ref + "/" + oc, request.at());
                return PartnerStub.Reply.ok();
            });
            stubs.add(stub);
        }
        try (LocalPostgres postgres = BenchSupport.postgres()) {
            latency(postgres, stubs, received);
            drain(postgres, stubs);
        } finally {
            stubs.forEach(PartnerStub::close);
        }
    }

    private static void latency(LocalPostgres postgres, List<PartnerStub> stubs, Map<String, Instant> received) throws Exception {
        try (ConfigurableApplicationContext oi = BenchSupport.oi(postgres, ENGINE)) {
            JsonHttp http = JsonHttp.at(BenchSupport.port(oi));
            for (int i = 0; i < OCS.size(); i++) {
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + BenchSupport.port(oi)
                                + "/admin/referential/partners/" + OCS.get(i)))
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"bench\",\"baseUrl\":\"" + stubs.get(i).baseUrl() + "\",\"flux3\":false}")));
            }
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + BenchSupport.port(oi)
                            + "/admin/referential/pms/FI-BENCH-0001"))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"codeOi\":\"OI01\",\"operators\":" + JsonHttp.write(OCS) + "}")));

            int total = RATE * SECONDS;
            Map<String, Instant> accepted = new ConcurrentHashMap<>();
            Map<String, Double> answered = new ConcurrentHashMap<>();
            ExecutorService senders = Executors.newFixedThreadPool(32);
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            long periodNanos = 1_000_000_000L / RATE;
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            pacer.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                if (n >= total) {
                    return;
                }
                senders.execute(() -> {
                    String body = """
                            {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"BENCH-%d","PM":"FI-BENCH-0001",
                             "Nature_PBO_PTO":[{"nature":1,"PBO":"PT%06d"}],"Debut_Inter":"%s"}""".formatted(n, n, Instant.now());
                    Instant before = Instant.now();
                    JsonHttp.Response response = http.post("/v1/intervention_DO", body);
                    if (response.status() == 200) {
                        accepted.put(response.text("Ref_Interv_OI"), before);
                        answered.put(response.text("Ref_Interv_OI"), Duration.between(before, Instant.now()).toNanos() / 1e6);
                    }
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS + 60).toNanos();
            while ((received.size() < total * OCS.size() || answered.size() < total) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            pacer.shutdownNow();
            senders.shutdown();
            double[] millis = received.entrySet().stream()
                    .filter(e -> accepted.containsKey(e.getKey().substring(0, e.getKey().indexOf('/'))))
                    .mapToDouble(e -> Duration.between(accepted.get(e.getKey().substring(0, e.getKey().indexOf('/'))),
                            e.getValue()).toNanos() / 1e6)
                    .toArray();
            System.out.printf("latency: %d M1 at %d/s, %d M2 received of %d expected%n", accepted.size(), RATE,
                    millis.length, total * OCS.size());
            double[] m1 = answered.values().stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf("M1 sent -> R M1 received: p50 %.1f ms, p99 %.1f ms%n",
                    BenchSupport.percentile(m1, 50), BenchSupport.percentile(m1, 99));
            if (millis.length == 0) {
                return;
            }
            System.out.printf("M1 sent -> M2 received: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    BenchSupport.percentile(millis, 50), BenchSupport.percentile(millis, 99),
                    BenchSupport.percentile(millis, 100));
        }
    }

    private static void drain(LocalPostgres postgres, List<PartnerStub> stubs) throws Exception {
        // a backlog waiting in the outbox while the OI is stopped, due now
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                postgres.jdbcUrl("postgres"), LocalPostgres.USER, ""));
        stubs.forEach(PartnerStub::clear);
        jdbc.sql("""
                insert into delivery_message (partner, kind, subject, path, payload, next_attempt_at, created_at, updated_at)
                select 'OC0' || (1 + g % 4), 'M2', 'DRAIN-' || g, '/v1/intervention_OI',
                       '{"Code_OI":"OI01","Ref_Interv_OI":"DRAIN-' || g || '","PM":"FI-BENCH-0001","PBO":[],"Debut_Inter":"2026-11-24T09:00:00+01:00"}',
                       now(), now(), now()
                from generate_series(1, :n) g
                """).param("n", BACKLOG).update();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext oi = BenchSupport.oi(postgres, ENGINE)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (stubs.stream().mapToInt(stub -> stub.received().size()).sum() < BACKLOG && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            List<Instant> times = stubs.stream().flatMap(stub -> stub.received().stream())
                    .map(PartnerStub.Received::at).sorted().toList();
            double seconds = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
            System.out.printf("drain: %,d of %,d delivered; first to last delivery %.1f s: %.0f deliveries/s"
                    + " (%.1f s from start-up to the last)%n", times.size(), BACKLOG, seconds, times.size() / seconds,
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
