package fr.eintervention.oi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.StoppablePostgres;
import fr.eintervention.testsupport.TestTokens;

/**
 * The OI's PostgreSQL crashes ({@code kill -9} of the postmaster) under a steady flow of M1, then
 * comes back: meanwhile every caller gets within seconds a 503 with Retry-After and a Problem
 * Details body (never a 500, never a hang), health says DOWN; afterwards everything works again
 * and every M1 answered OK is there. v2's endpoints answer the same 503 while it is down.
 */
class DatabaseUnavailableTest extends OiServiceTestSupport {

    private static final StoppablePostgres POSTGRES = StoppablePostgres.start("oi-outage-pg");

    /** A request taking longer than this is a hang. */
    private static final Duration HANG = Duration.ofSeconds(5);

    private record Answer(int status, String retryAfter, String body) {
    }

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @Test
    void whileTheDatabaseIsDownCallersGet503WithRetryAfterAtOnceAndAllRecovers() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(HANG).build();
        String token = TestTokens.token("DO01", "write:interventions");
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int sender = 0; sender < 4; sender++) {
            load.add(senders.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/v1/intervention_DO"))
                                .timeout(HANG)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(m1(newRef()))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        answers.add(new Answer(response.statusCode(),
                                response.headers().firstValue("Retry-After").orElse(null), response.body()));
                        if (response.statusCode() == 200) {
                            accepted.add(JsonHttp.parse(response.body()).get("Ref_Interv_OI").asString());
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException | RuntimeException e) {
                        failures.add(e); // a timeout (hang) among them
                    }
                }
            }));
        }
        try {
            // bounds for a busy machine, not timings: the flow is up, then answered 503
            await().atMost(Duration.ofMinutes(1)).until(() -> accepted.size() >= 20);

            POSTGRES.crash();
            int before = answers.size();
            await().atMost(Duration.ofMinutes(1)).until(() -> answers.stream().skip(before).filter(a -> a.status() == 503).count() >= 20);
            JsonHttp.Response health = JsonHttp.at(port).get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.text("status")).isEqualTo("DOWN");
            everyV2EndpointUnavailable();

            POSTGRES.restart();
            int during = accepted.size();
            await().atMost(Duration.ofMinutes(1)).until(() -> accepted.size() >= during + 20);
            await().until(() -> JsonHttp.at(port).get("/actuator/health").status() == 200);
        } finally {
            senders.shutdownNow();
        }
        for (Future<?> sender : load) {
            sender.get();
        }

        assertThat(failures).as("requests that failed or hung more than %s", HANG).isEmpty();
        assertThat(answers).extracting(Answer::status).containsOnly(200, 503);
        assertThat(answers).filteredOn(a -> a.status() == 503).allSatisfy(a -> {
            assertThat(a.retryAfter()).isEqualTo("5");
            assertThat(JsonHttp.parse(a.body()).get("status").asInt()).isEqualTo(503);
            assertThat(JsonHttp.parse(a.body()).get("detail").asString()).contains("database unavailable");
        });
        for (String refOi : accepted) {
            assertThat(jdbc.sql("select count(*) from intervention where ref_interv_oi = :ref").param("ref", refOi)
                    .query(Long.class).single()).as("M1 %s answered OK", refOi).isEqualTo(1);
        }
    }

    /**
     * One valid message to each of v2's endpoints while the database is down: M1 (POST), M3 (PUT),
     * the repair report, M3TX from DO01, M5TX from OC02.
     */
    private void everyV2EndpointUnavailable() {
        String refOi = "OI01-" + newRef();
        String ref = newRef();
        String do01 = TestTokens.token("DO01", "write:interventions");
        StoppablePostgres.assertUnavailable(port, do01, "POST", "/v2/interventions-do", V2Bodies.m1(ref));
        StoppablePostgres.assertUnavailable(port, do01, "PUT", "/v2/interventions-do", V2Bodies.m3(ref));
        StoppablePostgres.assertUnavailable(port, do01, "POST", "/v2/interventions-do/compte-rendu", V2Bodies.report(ref));
        StoppablePostgres.assertUnavailable(port, do01, "POST", "/v2/interventions-do/test-intermediaire",
                V2Bodies.m3tx(ref, refOi, 1));
        StoppablePostgres.assertUnavailable(port, TestTokens.token("OC02", "write:clients"), "POST",
                "/v2/interventions-oi/notification-impacte-clients-oc", V2Bodies.m5tx(refOi, "OC02", 1));
    }
}
