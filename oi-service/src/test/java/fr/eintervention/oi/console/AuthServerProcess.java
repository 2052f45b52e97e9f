package fr.eintervention.oi.console;

import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo auth-server as operators run it: its runnable jar (built by the reactor before this
 * module) in a JVM of its own, demo profile (demo users {@code operateur} and {@code technicien}).
 */
final class AuthServerProcess implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path log;

    private AuthServerProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it on the port, issuing tokens as {@code http://localhost:<port>}; returns once it answers. */
    static AuthServerProcess start(int port, String... arguments) {
        Path target = Path.of(System.getProperty("auth-server.target", "../auth-server/target"));
        Path jar;
        try (var jars = Files.list(target)) {
            jar = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + target
                            + ": build the auth-server first (./mvnw -pl oi-service -am verify)"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": build the auth-server first (./mvnw -pl oi-service -am verify)", e);
        }
        try {
            Path log = Files.createTempFile("auth-server", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
                    "--spring.profiles.active=demo", "--server.port=" + port,
                    "--eintervention.auth-server.issuer=http://localhost:" + port));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            AuthServerProcess server = new AuthServerProcess(port, process, log);
            HttpClient http = HttpClient.newHttpClient();
            await("auth-server healthy").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .failFast("auth-server exited: see " + log, () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create(server.issuer() + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String issuer() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
