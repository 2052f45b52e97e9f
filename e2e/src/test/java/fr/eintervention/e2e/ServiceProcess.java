package fr.eintervention.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.eintervention.testsupport.JsonHttp;

/**
 * One service of the suite as operators run it: its runnable jar in a JVM of its own, its own
 * embedded PostgreSQL (data kept in a directory of its own, so a restart keeps everything).
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", ".."));
    private static final Path WORK = Path.of(System.getProperty("suite.work", "target/e2e"));

    private final String name;
    private final Path jar;
    private final List<String> arguments;
    private int port;
    private Process process;

    private ServiceProcess(String name, String module, int port, List<String> arguments) {
        this.name = name;
        this.port = port;
        this.arguments = arguments;
        try (var jars = Files.list(ROOT.resolve(module).resolve("target"))) {
            this.jar = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + module
                            + "/target: run the end-to-end tests with ./mvnw verify"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service to start on a free port, with Spring arguments such as {@code --eintervention.oc.code=OC01}. */
    static ServiceProcess of(String name, String module, String... arguments) {
        return new ServiceProcess(name, module, freePort(), List.of(arguments));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** The same service on a port chosen before (e.g. an issuer whose URL others must know first). */
    ServiceProcess onPort(int chosen) {
        this.port = chosen;
        return this;
    }

    /** An access token of this authorization server, by client credentials. */
    String token(String client, String secret) {
        JsonHttp.Response response = http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/oauth2/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((client + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (response.status() != 200) {
            throw new IllegalStateException("no token for " + client + ": " + response.status() + " " + response.body());
        }
        return response.text("access_token");
    }

    /** What the service wrote to its console so far. */
    String log() {
        try {
            return Files.readString(WORK.resolve(name).resolve("service.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    JsonHttp http() {
        return JsonHttp.at(port);
    }

    /** Starts the JVM; returns once the service answers its health check. */
    ServiceProcess start() {
        try {
            Path home = WORK.resolve(name);
            Files.createDirectories(home);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + port,
                    "--spring.profiles.active=demo",
                    "--spring.application.name=" + name,
                    "--eintervention.embedded-postgres.data-directory=" + home.resolve("postgres").toAbsolutePath()));
            command.addAll(arguments);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("service.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await(name + " healthy").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .failFast(name + " exited: see " + WORK.resolve(name).resolve("service.log"), () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> http().get("/actuator/health").status() == 200);
        return this;
    }

    /** Stops it as an orchestrator would (SIGTERM, graceful shutdown). */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            await(name + " stopped").atMost(Duration.ofMinutes(1)).until(() -> !process.isAlive());
        }
    }

    /** Kills it as a crash would ({@code kill -9}): no shutdown hook runs, its embedded PostgreSQL is left behind. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            await(name + " killed").atMost(Duration.ofMinutes(1)).until(() -> !process.isAlive());
        }
    }

    /** Where its embedded PostgreSQL keeps its data. */
    Path dataDirectory() {
        return WORK.resolve(name).resolve("postgres");
    }

    /** Asks it to stop (SIGTERM), without waiting. */
    void signalStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Stops it gracefully (its embedded PostgreSQL with it), forcibly if it does not stop in time. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
