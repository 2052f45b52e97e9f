package fr.eintervention.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import fr.eintervention.localpostgres.LocalPostgres;

/**
 * A PostgreSQL of one test class's own, which the test can crash ({@code kill -9} of the
 * postmaster) and start again on the same port and data: the database unavailable, then back.
 * Closed, and its data deleted, when the JVM ends (after the test's cached application context).
 */
public final class StoppablePostgres {

    private final Path data;
    private final int port;
    private LocalPostgres server;

    private StoppablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
        this.server = LocalPostgres.start(data, port, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                FileSystemUtils.deleteRecursively(data);
            } catch (IOException e) {
                // a temporary directory
            }
        }));
    }

    /** Starts one on a free port, its data in a new temporary directory named after {@code prefix}. */
    public static StoppablePostgres start(String prefix) {
        try (ServerSocket socket = new ServerSocket(0)) {
            Path data = Files.createTempDirectory(prefix);
            int port = socket.getLocalPort();
            socket.close();
            return new StoppablePostgres(data, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This server's {@code postgres} database (user {@link LocalPostgres#USER}, no password). */
    public String jdbcUrl() {
        return server.jdbcUrl("postgres");
    }

    /** The service's datasource, this server's {@code postgres} database. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    /** Kills the postmaster at once, as a crash would, and waits until it is gone. */
    public void crash() {
        try {
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim())).orElseThrow();
            postmaster.destroyForcibly();
            Awaitility.await().until(() -> !postmaster.isAlive());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * While it is down, a request ({@code method} to {@code path} of the service on {@code port},
     * with that bearer token and JSON body) is answered at once what web-support answers: 503,
     * {@code Retry-After: 5} and Problem Details saying the database is unavailable; never a 500.
     */
    public static void assertUnavailable(int port, String token, String method, String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as("%s %s", method, path).hasValue("5");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JsonHttp.parse(response.body()).get("status").asInt()).isEqualTo(503);
            assertThat(JsonHttp.parse(response.body()).get("detail").asString()).contains("database unavailable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts it again on the same port and data (after {@link #crash()}). */
    public void restart() {
        server.close(); // releases the data directory (its server is already gone)
        server = LocalPostgres.start(data, port, true);
    }
}
