package fr.eintervention.bench.shape;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * The load generator, a process of its own: M1s to the OI at a steady rate (a pacer and 32
 * sender threads, each on a kept-alive connection), {@code lead} seconds not measured then
 * {@code seconds} measured. Writes one line per measured M1: {@code refOi sentEpochMicros
 * answerMicros status}. Arguments: OI base URL, bearer token, rate, lead, seconds, reference
 * prefix, PM, output file.
 */
public final class LoadGenerator {

    /** the OI's default bound of requests in flight per partner (a DO gateway sends 4 at once) */
    private static final int SENDERS = 32;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/v1/intervention_DO";
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int lead = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String prefix = args[5];
        String pm = args[6];
        Path out = Path.of(args[7]);
        int unmeasured = rate * lead;
        int total = unmeasured + rate * seconds;
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(SENDERS).setMaxConnPerRoute(SENDERS).build())
                .disableAutomaticRetries().build()) {
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger count = new AtomicInteger();
            pacer.scheduleAtFixedRate(() -> {
                int n = count.getAndIncrement();
                if (n >= total) {
                    return;
                }
                senders.execute(() -> {
                    Instant before = Instant.now();
                    String body = """
                            {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s-%d","PM":"%s",
                             "Nature_PBO_PTO":[{"nature":1,"PBO":"PT%06d"}],"Debut_Inter":"%s"}""".formatted(prefix, n, pm, n, before);
                    HttpPost post = new HttpPost(url);
                    post.setHeader("Authorization", "Bearer " + token);
                    post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
                    try {
                        String line = client.execute(post, response -> {
                            String answer = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                            long micros = OcReceivers.micros(Instant.now()) - OcReceivers.micros(before);
                            return OcReceivers.field(answer, "Ref_Interv_OI") + ' ' + OcReceivers.micros(before) + ' ' + micros
                                    + ' ' + response.getCode();
                        });
                        if (!line.endsWith(" 200")) {
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
            pacer.shutdownNow();
            senders.shutdownNow();
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lines.forEach(writer::println);
        }
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        System.out.printf("SENT %d ANSWERED %d FAILED %d CPU %.2f%n", total, done.get(), failed.get(), cpu);
    }
}
