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
 * {@code -Dshapes=true} measures instead how the file's shape costs: 100,000 and 200,000 PMs
 * separated by {@code ;} with LF line ends, then by {@code ,} with every field quoted and CRLF
 * line ends (each file imported as a replacement of the referential the previous one left).
 */
public final class ReferentialImportBenchmark {

    private static final int PMS = Integer.getInteger("pms", 200_000);

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("shapes")) {
            shapes();
            return;
        }
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
        write(file, pms, ';', false, "\n");
    }

    /** The file at two sizes and in two shapes: is the import's time linear whatever the separator, quotes and line ends? */
    private static void shapes() throws Exception {
        try (LocalPostgres postgres = BenchSupport.postgres();
                ConfigurableApplicationContext oi = BenchSupport.oi(postgres, Map.of())) {
            int port = BenchSupport.port(oi);
            for (boolean quoted : new boolean[] {false, true}) {
                for (int pms : new int[] {100_000, 200_000}) {
                    Path file = Files.createTempFile("bench-referential-", ".csv");
                    try {
                        write(file, pms, quoted ? ',' : ';', quoted, quoted ? "\r\n" : "\n");
                        run(port, file, "replace", String.format("%,d PMs, %s (%,d bytes)", pms,
                                quoted ? "',' quoted CRLF" : "';' LF", Files.size(file)));
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private static void write(Path file, int pms, char separator, boolean quoted, String lineEnd) throws Exception {
        String[] ocs = {"OC01", "OC01|OC02", "OC01|OC02|OC03"};
        String q = quoted ? "\"" : "";
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(q + "PM" + q + separator + q + "Code_OI" + q + separator + q + "OC" + q + lineEnd);
            for (int i = 1; i <= pms; i++) {
                out.write(q + "FI-" + String.format("%05d", i % 95_000) + "-" + String.format("%06d", i) + q + separator
                        + q + "OI01" + q + separator + q + ocs[i % 3] + q + lineEnd);
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
