package fr.eintervention.oc.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;

/**
 * The outage feed at its documented limit ({@code eintervention.oc.outages.max-batch}, 100,000
 * events a request, about 10MB of CSV), over real HTTP to the running adapter, while its OI sends
 * an M2 every second. The bounds are the ones the feed promises (docs/reference/bad-input.md): a
 * file at the limit answered in under 60 s, half of it in about half that time (reading is
 * linear), and every M2 meanwhile answered OK within 5 s. The measured times are printed; the
 * figures and method are in BENCHMARKS.md.
 */
class OutageFeedAtItsLimitTest extends OcAdapterTestSupport {

    private static final String HEADER = "PTO;PM;PBO;Tube;Fibre;Position_PM_Module_OI;downAt;upAt;cause;terminated\n";

    /** One M2 sent while the file was being taken: its status, Code_Reponse and time to answer. */
    private record Sent(int status, String body, long millis) {
    }

    @Test
    void aFileAtTheLimitIsTakenInTimeWhileM2AreAnsweredAsUsual() throws Exception {
        String pm = newPm();
        String feedPm = "PM-" + newRef();
        List<Sent> m2s = new CopyOnWriteArrayList<>();
        ScheduledExecutorService oi = Executors.newSingleThreadScheduledExecutor();
        oi.scheduleAtFixedRate(() -> {
            long start = System.nanoTime();
            JsonHttp.Response response = declare(m2(newRef(), pm, "2026-11-24T09:00:00+01:00"));
            m2s.add(new Sent(response.status(), response.body(), (System.nanoTime() - start) / 1_000_000));
        }, 0, 1, TimeUnit.SECONDS);
        long half;
        long full;
        try {
            half = post(csv(feedPm + "-H", 50_000));
            full = post(csv(feedPm + "-F", 100_000));
        } finally {
            oi.shutdown();
            oi.awaitTermination(30, TimeUnit.SECONDS);
        }
        System.out.printf("outage feed, CSV: 50,000 events in %,d ms, 100,000 events in %,d ms; %d M2 meanwhile, slowest %,d ms%n",
                half, full, m2s.size(), m2s.stream().mapToLong(Sent::millis).max().orElse(0));

        assertThat(full).as("100,000 events answered in under 60 s").isLessThan(60_000);
        assertThat(full).as("twice the events take about twice the time, not four times: %d ms then %d ms", half, full)
                .isLessThan(3 * half);
        assertThat(m2s).as("M2 sent while the files were taken").hasSizeGreaterThanOrEqualTo(2);
        assertThat(m2s).allSatisfy(sent -> {
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            assertThat(JsonHttp.parse(sent.body()).get("Code_Reponse").asInt()).isZero();
            assertThat(sent.millis()).as("an M2's answer time").isLessThan(5_000);
        });
        assertThat(stored(feedPm + "-H")).isEqualTo(50_000);
        assertThat(stored(feedPm + "-F")).isEqualTo(100_000);
    }

    private long stored(String pm) {
        return jdbc.sql("select count(*) from outage where pm = :pm").param("pm", pm).query(Long.class).single();
    }

    /** Events with every column filled, about 105 bytes a line. */
    private static String csv(String pm, int events) {
        StringBuilder csv = new StringBuilder(HEADER.length() + events * 110).append(HEADER);
        for (int i = 0; i < events; i++) {
            csv.append(String.format("FI-%04d-%06d;", i % 10_000, i)).append(pm)
                    .append(";PT000123;T2;F7;M3-P12;2026-11-24T10:02:13+01:00;2026-11-24T10:40:00+01:00;LOSS_OF_SIGNAL;false\n");
        }
        return csv.toString();
    }

    /** Posts the file as an operator; the time to the answer, which must say every event was stored. */
    private long post(String csv) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/outages/csv"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + TestTokens.tokenWithoutPartner("operator", "operator"))
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonHttp.parse(response.body()).get("stored").asInt()).isEqualTo(csv.split("\n", -1).length - 2);
        return millis;
    }
}
