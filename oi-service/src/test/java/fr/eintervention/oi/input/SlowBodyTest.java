package fr.eintervention.oi.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;

/**
 * One partner sending its bodies a byte at a time cannot take the OI down: its requests in
 * progress are bounded (the rest get 429 at once), a body not received in time gets 408, and
 * meanwhile another DO's M1, health and the operators are answered. The server has few threads
 * here, so that without these bounds the slow bodies would hold them all; the body read time
 * (20 s) is longer than the other DO waits (8 s), so that it is the bound on DO01's requests in
 * progress that lets it through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eintervention.oi.codes=OI01,OI02", "eintervention.delivery.poll-interval=1h",
                "spring.flyway.locations=classpath:db/migration,classpath:db/sample",
                "eintervention.security.rate-limit.requests-per-second=0",
                "server.tomcat.threads.max=8",
                "eintervention.security.rate-limit.max-in-flight=3",
                "eintervention.input.body-read-timeout=20s"})
class SlowBodyTest extends OiServiceTestSupport {

    private final ScheduledExecutorService drip = Executors.newScheduledThreadPool(2);
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void hangUp() throws IOException {
        drip.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** Starts an M1 whose 1,000-byte body then comes one byte every 300 ms. */
    private Socket slowM1(String partner) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/intervention_DO HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TestTokens.token(partner, "write:interventions", "write:clients")
                + "\r\nContent-Length: 1000\r\n\r\n{\"Code_DO\":\"").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        drip.scheduleAtFixedRate(() -> {
            try {
                out.write('A');
                out.flush();
            } catch (IOException e) {
                // the server closed it: nothing more to send
            }
        }, 300, 300, TimeUnit.MILLISECONDS);
        return socket;
    }

    /** The status line's start, once the server answers; empty when it has not within that time. */
    private static String answerOf(Socket socket, Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII);
        } catch (java.net.SocketTimeoutException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anotherDoIsAnsweredWhileOneDoSendsSlowBodies() throws IOException {
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/admin/referential/partners/DO02"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"DO02\",\"flux3\":false,\"actsAsDo\":true}")));
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            slow.add(slowM1("DO01"));
        }

        JsonHttp do02 = JsonHttp.at(port).as("DO02", "write:interventions");
        await().atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
            JsonHttp.Response m1 = do02.post("/v1/intervention_DO", m1(newRef()).replace("DO01", "DO02"));
            assertThat(m1.status()).as(m1.body()).isIn(200, 400);
            assertThat(m1.json().get("Code_Reponse")).isNotNull();
        });
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/consultation/interventions").status()).isEqualTo(200);
        // DO01's requests past its bound were refused at once
        assertThat(slow.stream().map(socket -> answerOf(socket, Duration.ofSeconds(1)))
                .filter(status -> status.contains(" 429")).count())
                .isGreaterThanOrEqualTo(9);
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGets408() throws IOException {
        Socket socket = slowM1("OC02");

        await().atMost(Duration.ofSeconds(60)).until(() -> answerOf(socket, Duration.ofSeconds(60)).contains(" 408"));
    }

    @Test
    void aSlowBodyWithoutTokenIsRefusedAndItsConnectionClosedWithoutWaitingForTheRest() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /v1/intervention_DO HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"Code_DO\"")
                    .getBytes(StandardCharsets.US_ASCII));
            // the rest of the body never comes: the server answers and hangs up, well before its read timeout (20 s)
            socket.setSoTimeout(10_000);

            byte[] answer = socket.getInputStream().readAllBytes();

            assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 401");
        }
    }
}
