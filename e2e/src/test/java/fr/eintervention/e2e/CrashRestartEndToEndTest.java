package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.JsonHttp;

/**
 * A service on its embedded PostgreSQL (no database URL, as {@code ./run.sh} runs it) killed
 * with {@code kill -9} under load: its PostgreSQL outlives it. Started again, it comes up on the
 * first try (the leftover server is stopped first) with everything it answered OK to.
 */
class CrashRestartEndToEndTest {

    @Test
    void aServiceKilledUnderLoadRestartsOnTheFirstTryWithEverythingItAccepted() throws Exception {
        try (ServiceProcess oi = ServiceProcess.of("e2e-crash-oi", "oi-service",
                "--eintervention.security.enabled=false", "--eintervention.delivery.poll-interval=1h")) {
            oi.start();
            JsonHttp http = oi.http();
            ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Future<?>> load = new ArrayList<>();
            for (int sender = 0; sender < 4; sender++) {
                load.add(senders.submit(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        String ref = "CRASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                        try {
                            JsonHttp.Response answer = http.post("/v1/intervention_DO", m1(ref));
                            if (answer.status() == 200) {
                                accepted.add(answer.text("Ref_Interv_OI"));
                            }
                        } catch (RuntimeException e) {
                            return; // the service is gone
                        }
                    }
                }));
            }
            org.awaitility.Awaitility.await().until(() -> accepted.size() >= 50);
            oi.kill();
            senders.shutdownNow();
            for (Future<?> sender : load) {
                sender.get();
            }
            // the crash left the service's PostgreSQL running on its data directory
            assertThat(oi.dataDirectory().resolve("postmaster.pid")).exists();
            long leftover = Long.parseLong(Files.readAllLines(oi.dataDirectory().resolve("postmaster.pid")).get(0).trim());
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).contains(true);

            oi.start(); // fails fast if the service exits instead of coming up

            for (String refOi : accepted) {
                assertThat(http.get("/consultation/interventions/" + refOi).status())
                        .as("intervention %s, answered OK before the crash", refOi).isEqualTo(200);
            }
        }
    }

    private static String m1(String refDo) {
        return """
                {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"FI-35238-0001",
                 "Nature_PBO_PTO":[{"nature":1,"PBO":"PT000123","PTO":"FI-1234-5678"}],
                 "Debut_Inter":"2026-11-24T09:15:00+01:00"}""".formatted(refDo);
    }
}
