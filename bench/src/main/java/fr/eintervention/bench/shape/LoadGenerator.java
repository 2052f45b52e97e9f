package fr.eintervention.bench.shape;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The load generator, a process of its own: M1s to the OI at a steady rate (a pacer and, for each
 * DO, 32 sender threads, each on a kept-alive connection), {@code lead} seconds not measured then
 * {@code seconds} measured. With several DOs the pacer's ticks go to each in turn (two DOs: half the
 * rate each), each DO sending in the version it is given: v1's M1 ({@code POST /v1/intervention_DO})
 * or v2's ({@code POST /v2/interventions-do}), with the same content (nature 1 at a PBO of the PM).
 * Writes one line per measured M1: {@code refOi sentEpochMicros answerMicros status version}.
 * Arguments: OI base URL, rate, lead, seconds, reference prefix, PM, output file, then one
 * {@code code:version:token} per DO (e.g. {@code DO01:v1:eyJ...}).
 */
public final class LoadGenerator {

    /** the OI's default bound of requests in flight per partner (a DO gateway sends 4 at once) */
    private static final int SENDERS = 32;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String oi = args[0];
        int rate = Integer.parseInt(args[1]);
        int lead = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String prefix = args[4];
        String pm = args[5];
        Path out = Path.of(args[6]);
        List<Sender> dos = new ArrayList<>();
        for (int index = 7; index < args.length; index++) {
            String[] parts = args[index].split(":", 3);
            dos.add(new Sender(parts[0], parts[1], parts[2]));
        }
        int unmeasured = rate * lead;
        int total = unmeasured + rate * seconds;
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger count = new AtomicInteger();
            pacer.scheduleAtFixedRate(() -> {
                int n = count.getAndIncrement();
                if (n >= total) {
                    return;
                }
                Sender sender = dos.get(n % dos.size());
                sender.threads.execute(() -> {
                    Instant before = Instant.now();
                    HttpPost post = new HttpPost(oi + sender.path());
                    post.setHeader("Authorization", "Bearer " + sender.token);
                    post.setEntity(new ByteArrayEntity(sender.m1(prefix + "-" + n, pm, n, before).getBytes(StandardCharsets.UTF_8),
                            ContentType.APPLICATION_JSON));
                    try {
                        String line = sender.client.execute(post, response -> {
                            String answer = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                            long micros = OcReceivers.micros(Instant.now()) - OcReceivers.micros(before);
                            return OcReceivers.field(answer, sender.v2() ? "refIntervOI" : "Ref_Interv_OI") + ' '
                                    + OcReceivers.micros(before) + ' ' + micros + ' ' + response.getCode() + ' ' + sender.version;
                        });
                        if (!line.contains(" 200 ")) {
                            failed.incrementAndGet();
                        }
                        if (n >= unmeasured) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } finally {
                        done.incrementAndGet();
                    }
                });
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(lead + seconds + 120);
            while (done.get() < total && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } finally {
            pacer.shutdownNow();
            for (Sender sender : dos) {
                sender.close();
            }
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lines.forEach(writer::println);
        }
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        System.out.printf("SENT %d ANSWERED %d FAILED %d CPU %.2f%n", total, done.get(), failed.get(), cpu);
    }

    /** One DO: its code, the version it sends, its token, its sender threads and connections. */
    private static final class Sender implements AutoCloseable {

        final String code;
        final String version;
        final String token;
        final ExecutorService threads = Executors.newFixedThreadPool(SENDERS);
        final CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(SENDERS).setMaxConnPerRoute(SENDERS).build())
                .disableAutomaticRetries().build();

        Sender(String code, String version, String token) {
            this.code = code;
            this.version = version;
            this.token = token;
        }

        boolean v2() {
            return "v2".equals(version);
        }

        String path() {
            return v2() ? "/v2/interventions-do" : "/v1/intervention_DO";
        }

        /** The M1 of the n-th intervention, in this DO's version: nature 1 (a connection to build) at a PBO. */
        String m1(String refDo, String pm, int n, Instant start) {
            if (v2()) {
                return """
                        {"codeDO":"%s","codeOI":"OI01","message":"M1","refIntervDO":"%s",
                         "pointMutualisation":{"refPM":"%s","refPMTechnique":"ARMOIRE 1"},
                         "nature":"1","elementReseau":"PBO","refPBO":"PT%06d","dateDebutIntervention":"%s"}"""
                        .formatted(code, refDo, pm, n, start);
            }
            return """
                    {"Code_DO":"%s","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"%s",
                     "Nature_PBO_PTO":[{"nature":1,"PBO":"PT%06d"}],"Debut_Inter":"%s"}""".formatted(code, refDo, pm, n, start);
        }

        @Override
        public void close() throws IOException {
            threads.shutdownNow();
            client.close();
        }
    }
}
