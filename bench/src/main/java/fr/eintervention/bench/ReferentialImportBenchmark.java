package fr.eintervention.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.eintervention.localpostgres.LocalPostgres;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark of the bulk import of 200,000 PMs (each with 1 to 3 of the demo's OCs) into
 * the OI's referential, over real HTTP, as an operator does it: POST the CSV file, follow the job
 * until it is applied. Then the same file again as a replacement (nothing changes: the cost of
 * checking), then a replacement without its last 10,000 PMs (retired).
 * {@code -Dpgss=true} adds the statements that took the database's time.
 * Run: {@code ./mvnw -q -o -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * && java -cp "$(cat /tmp/cp.txt):bench/target/classes" fr.eintervention.bench.ReferentialImportBenchmark}
 */
public final class ReferentialImportBenchmark {

    private static final int PMS = Integer.getInteger("pms", 200_000);

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("bench-referential-", ".csv");
        Path shorter = Files.createTempFile("bench-referential-", ".csv");
        write(file, PMS);
        write(shorter, PMS - 10_000);
        System.out.printf("file: %,d PMs, %,d bytes%n", PMS, Files.size(file));
        try (LocalPostgres postgres = BenchSupport.postgres();
                ConfigurableApplicationContext oi = BenchSupport.oi(postgres, Map.of())) {
            int port = BenchSupport.port(oi);
            run(port, file, "merge", "first import (all new)");
            run(port, file, "replace", "same file, replace (no change)");
            run(port, shorter, "replace", "replace without the last 10,000 (retired)");
            BenchSupport.printStatementStatistics(oi.getBean(JdbcClient.class));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(shorter);
        }
    }

    private static void write(Path file, int pms) throws Exception {
        String[] ocs = {"OC01", "OC01|OC02", "OC01|OC02|OC03"};
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("PM;Code_OI;OC\n");
            for (int i = 1; i <= pms; i++) {
                out.write("FI-" + String.format("%05d", i % 95_000) + "-" + String.format("%06d", i) + ";OI01;" + ocs[i % 3] + "\n");
            }
        }
    }

    private static void run(int port, Path file, String mode, String label) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        JsonHttp http = JsonHttp.at(port);
        long cpuBefore = BenchSupport.jvmCpuNanos();
        long[] machineBefore = BenchSupport.machineCpu();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/admin/referential/imports?mode=" + mode))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double accepted = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 202) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        JsonNode job;
        double applying = -1;
        while (true) {
            job = http.get(location).json();
            String status = job.get("status").asString();
            if (applying < 0 && status.equals("APPLYING")) {
                applying = (System.nanoTime() - start) / 1e9;
            }
            if (status.equals("APPLIED") || status.equals("REJECTED") || status.equals("FAILED")) {
                break;
            }
            Thread.sleep(50); // a benchmark polls as the command-line client does
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-44s %s in %.1f s (202 after %.2f s, applying from %s s): %,d lines, %d added, %d updated, %d retired, %d faults%n",
                label, job.get("status").asString(), total, accepted, applying < 0 ? "?" : String.format("%.1f", applying),
                job.get("linesRead").asLong(), job.get("added").asInt(), job.get("updated").asInt(),
                job.get("retired").asInt(), job.get("faultCount").asLong());
        BenchSupport.printCpu(machineBefore, cpuBefore);
    }
}
