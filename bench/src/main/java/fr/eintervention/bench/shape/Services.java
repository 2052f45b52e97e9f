package fr.eintervention.bench.shape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.stream.Stream;

import fr.eintervention.bench.BenchSupport;

/** What the benchmarks in production's shape do with the services they start: jars, tokens, the referential, SQL. */
final class Services {

    private Services() {
    }

    /** The module's runnable jar, built by the benchmark's script. */
    static Path jar(String module) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(module, "target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + module + "/target/*-exec.jar: run the benchmark's script"
                            + " (bench/*.sh), which builds first"))
                    .toAbsolutePath();
        }
    }

    /** An access token of the authorization server at {@code issuer}, by client credentials. */
    static String token(HttpClient http, String issuer, String client, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + client + ": " + response.statusCode() + " " + response.body());
        }
        return OcReceivers.field(response.body(), "access_token");
    }

    /** Sends a request with a bearer token; anything but 2xx stops the benchmark. */
    static String send(HttpClient http, String method, String url, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static void sql(DurablePostgres postgres, String database, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /** How busy the machine's cores were since {@code before} ({@link BenchSupport#machineCpu()}), in percent. */
    static double busy(long[] before) throws IOException {
        long[] after = BenchSupport.machineCpu();
        return 100.0 * (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
    }
}
