package fr.eintervention.oi.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Bulk imports of the referential over HTTP, on a database of their own (a replacing import
 * retires the PMs other tests use): a good file applied, a file with faults applied not at all
 * and reported by line, a replacement retiring the PMs it leaves out.
 */
@TestPropertySource(properties = "eintervention.oi.referential-import.max-reported-faults=20")
class ReferentialImportTest extends OiServiceTestSupport {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void importsPartnersThenPmsAndTheNewPmsTakeM1() {
        JsonNode partners = importAndWait("""
                Code;Nom;URL;Flux3
                OC07;Opérateur 7;%s;true
                OC08;"Opérateur 8; dit \"\"le huitième\"\"";;false
                """.formatted(OCS.get("OC03").baseUrl()), "merge");
        assertThat(partners.get("status").asString()).isEqualTo("APPLIED");
        assertThat(partners.get("content").asString()).isEqualTo("PARTNERS");
        assertThat(partners.get("added").asInt()).isEqualTo(2);
        assertThat(http.get("/admin/referential/partners").body()).contains("Opérateur 8; dit \\\"le huitième\\\"");

        JsonNode pms = importAndWait("""
                PM,Code_OI,OC
                FI-IMPORT-0001,OI01,OC07 | OC01
                FI-IMPORT-0002,OI02,OC08

                FI-IMPORT-0003,OI01,
                """, "merge");
        assertThat(pms.get("status").asString()).isEqualTo("APPLIED");
        assertThat(pms.get("content").asString()).isEqualTo("PMS");
        assertThat(pms.get("percentage").asInt()).isEqualTo(100);
        assertThat(pms.get("faultCount").asLong()).isZero();
        assertThat(pms.get("added").asInt()).isEqualTo(3);
        assertThat(pms.get("retired").asInt()).isZero();
        assertThat(http.get("/admin/referential/pms/FI-IMPORT-0001").json().get("operators").toString())
                .isEqualTo("[\"OC01\",\"OC07\"]");
        JsonHttp.Response m1 = declare(m1(newRef(), "FI-IMPORT-0001", "2026-11-24T09:15:00+01:00"));
        assertThat(m1.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> OCS.get("OC03").received("/v1/intervention_OI").stream()
                .anyMatch(r -> r.body().contains(m1.text("Ref_Interv_OI"))));

        // the same file again changes nothing
        JsonNode again = importAndWait("PM;Code_OI;OC\nFI-IMPORT-0001;OI01;OC01|OC07\n", "merge");
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
    }

    @Test
    void aFileWithFaultsIsNotAppliedAndItsFaultsAreReportedByLine() {
        JsonNode job = importAndWait("""
                PM;Code_OI;OC
                FI-FAULT-0001;OI01;OC01
                FI FAULT 0002;OI01;OC01
                FI-FAULT-0003;OI09;OC01
                FI-FAULT-0004;OI01;OC01|OC99|oc2
                FI-FAULT-0005;OI01
                FI-FAULT-0001;OI01;OC02
                FI-FAULT-0006;;OC01|OC01
                """, "merge");

        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(job.get("linesRead").asLong()).isEqualTo(8);
        assertThat(job.get("faultCount").asLong()).isEqualTo(8);
        List<String> faults = faults(job);
        assertThat(faults).containsExactly(
                "3 PM not a PM code (1 to 50 of A-Z a-z 0-9 _ -)",
                "4 Code_OI OI09 is not one of this OI's codes (eintervention.oi.codes)",
                "5 OC OC99 is not a partner of the referential: import or declare it first",
                "5 OC 'oc2' is not an operator code (4 of A-Z 0-9; several separated by |)",
                "6 line 2 fields where the header has 3",
                "7 PM already on line 2",
                "8 Code_OI missing",
                "8 OC OC01 appears twice");
        // nothing applied, not even the good lines
        assertThat(http.get("/admin/referential/pms/FI-FAULT-0001").status()).isEqualTo(404);
    }

    @Test
    void aBadHeaderAnEmptyFileAndAnUnclosedQuoteAreFaults() {
        assertThat(faults(importAndWait("Nom;Prenom\nx;y\n", "merge")))
                .containsExactly("1 header expected the columns PM;Code_OI;OC (PMs) or Code;Nom;URL;Flux3[;Version] (partners)");
        assertThat(faults(importAndWait("", "merge"))).containsExactly("1 file empty file");
        assertThat(faults(importAndWait("PM;Code_OI;OC\n", "merge")))
                .containsExactly("1 file no line after the header: nothing to import");
        JsonNode unclosed = importAndWait("PM;Code_OI;OC\nFI-Q-1;OI01;OC01\n\"FI-Q-2;OI01;OC01\n", "merge");
        assertThat(unclosed.get("status").asString()).isEqualTo("REJECTED");
        assertThat(faults(unclosed)).singleElement().asString().contains("file unreadable from here");
        assertThat(http.get("/admin/referential/pms/FI-Q-1").status()).isEqualTo(404);
    }

    @Test
    void aLargeFileIsStreamedAndItsFaultsCountedBeyondThoseReported() {
        String lines = IntStream.rangeClosed(1, 30_000)
                .mapToObj(i -> "FI-BULK-" + i + ";OI01;" + (i % 1_000 == 0 ? "BAD!" : "OC01|OC02"))
                .collect(Collectors.joining("\n", "PM;Code_OI;OC\n", "\n"));
        JsonNode rejected = importAndWait(lines, "merge");
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("linesRead").asLong()).isEqualTo(30_001);
        assertThat(rejected.get("faultCount").asLong()).isEqualTo(30);
        assertThat(rejected.get("faults").size()).isEqualTo(20); // max-reported-faults
        assertThat(faults(rejected).get(0)).isEqualTo("1001 OC 'BAD!' is not an operator code (4 of A-Z 0-9; several separated by |)");

        JsonNode applied = importAndWait(lines.replace("BAD!", "OC03"), "merge");
        assertThat(applied.get("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.get("added").asInt()).isEqualTo(30_000);
        assertThat(jdbc.sql("select count(*) from pm_operator where pm like 'FI-BULK-%'").query(Long.class).single())
                .isEqualTo(59_970L);
    }

    @Test
    void aReplacementRetiresThePmsItLeavesOutWhichThenRefuseNewM1() {
        importAndWait("PM;Code_OI;OC\nFI-KEEP-0001;OI01;OC01\nFI-GONE-0001;OI01;OC02\n", "merge");
        String ref = newRef();
        String refOi = declare(m1(ref, "FI-GONE-0001", "2026-11-24T09:15:00+01:00")).text("Ref_Interv_OI");

        JsonNode job = importAndWait("PM;Code_OI;OC\nFI-KEEP-0001;OI01;OC01|OC02\n", "replace");

        assertThat(job.get("status").asString()).isEqualTo("APPLIED");
        assertThat(job.get("mode").asString()).isEqualTo("REPLACE");
        assertThat(job.get("updated").asInt()).isEqualTo(1);
        assertThat(job.get("retired").asInt()).isGreaterThanOrEqualTo(4); // FI-GONE-0001 and the demo PMs
        // retired, not deleted: an intervention refers to it
        JsonNode gone = http.get("/admin/referential/pms/FI-GONE-0001").json();
        assertThat(gone.get("retiredAt").isNull()).isFalse();
        assertThat(interventionCount(ref)).isEqualTo(1);
        // a new M1 there: PM_INCONNU; the end of the intervention already there is still taken and forwarded
        JsonHttp.Response m1 = declare(m1(newRef(), "FI-GONE-0001", "2026-11-24T10:15:00+01:00"));
        assertThat(m1.status()).isEqualTo(404);
        assertThat(m1.text("Libelle_Reponse")).isEqualTo("PM_INCONNU");
        JsonHttp.Response m3 = declare(m1(ref, "FI-GONE-0001", "2026-11-24T09:15:00+01:00")
                .replace("}", ",\"Fin_Inter\":\"2026-11-24T11:00:00+01:00\"}").replace("\"nature\":1", "\"nature\":3"));
        assertThat(m3.status()).isEqualTo(200);
        assertThat(outbox(refOi)).extracting(row -> row.get("kind")).contains("M4");
        assertThat(declare(m1(newRef())).text("Libelle_Reponse")).isEqualTo("PM_INCONNU"); // the demo's PM too

        // in the file again: back in service
        importAndWait("PM;Code_OI;OC\nFI-GONE-0001;OI01;OC02\n", "merge");
        assertThat(http.get("/admin/referential/pms/FI-GONE-0001").json().get("retiredAt").isNull()).isTrue();
        assertThat(declare(m1(newRef(), "FI-GONE-0001", "2026-11-24T10:15:00+01:00")).status()).isEqualTo(200);
    }

    @Test
    void theImportIsForOperatorsAndTakesOnlyCsv() throws Exception {
        assertThat(post(TestTokens.token("DO01", "write:interventions"), "text/csv", "merge", "PM;Code_OI;OC\n").statusCode())
                .isEqualTo(403);
        assertThat(post(operatorToken(), "application/x-www-form-urlencoded", "merge", "PM;Code_OI;OC\n").statusCode())
                .isEqualTo(415);
        HttpResponse<String> badMode = post(operatorToken(), "text/csv", "everything", "PM;Code_OI;OC\n");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badMode.body()).contains("mode: merge (default) or replace");
        assertThat(http.get("/admin/referential/imports/999999").status()).isEqualTo(404);
    }

    @Test
    void oneImportAtATimeAndOneWhoseInstanceStoppedIsFailed() {
        long running = jdbc.sql("""
                insert into referential_import (mode, status, total_bytes, created_at, heartbeat_at)
                values ('MERGE', 'VALIDATING', 100, now(), now()) returning id""").query(Long.class).single();
        HttpResponse<String> refused = post(operatorToken(), "text/csv", "merge", "PM;Code_OI;OC\nFI-ONE-0001;OI01;\n");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("import " + running + " is running");

        // its instance stopped: no heartbeat for more than a minute
        jdbc.sql("update referential_import set heartbeat_at = now() - interval '2 minutes' where id = :id").param("id", running).update();
        assertThat(importAndWait("PM;Code_OI;OC\nFI-ONE-0001;OI01;\n", "merge").get("status").asString()).isEqualTo("APPLIED");
        JsonNode stopped = http.get("/admin/referential/imports/" + running).json();
        assertThat(stopped.get("status").asString()).isEqualTo("FAILED");
        assertThat(stopped.get("error").asString()).contains("nothing was applied");
    }

    @Test
    void theCommandLineClientShowsTheProgressAndTheOutcome(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "PM;Code_OI;OC\nFI-CLI-0001;OI01;OC01\nFI CLI;OI01;OC01\n");
        Cli rejected = cli(bad);
        assertThat(rejected.exit()).as(rejected.output()).isEqualTo(1);
        assertThat(rejected.output()).contains("[########################################] 100% REJECTED   3 lines, 1 faults")
                .contains("  line 3  PM: not a PM code");

        Path good = Files.writeString(dir.resolve("good.csv"), "PM;Code_OI;OC\nFI-CLI-0001;OI01;OC01\nFI-CLI-0002;OI01;OC01\n");
        Cli applied = cli(good);
        assertThat(applied.exit()).as(applied.output()).isEqualTo(0);
        assertThat(applied.output()).contains("100% APPLIED").contains("applied: 2 added, 0 updated, 0 retired");
    }

    private record Cli(int exit, String output) {
    }

    /** bin/referential-import, as an operator runs it (bash and curl). */
    private Cli cli(Path file) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("../bin/referential-import").toAbsolutePath().toString(),
                "--url", "http://127.0.0.1:" + port, file.toString()).redirectErrorStream(true);
        builder.environment().put("EINTERVENTION_TOKEN", operatorToken());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Cli(process.exitValue(), output);
    }

    /** Posts the file, checks 202 and its Location, and follows the job until it is finished. */
    private JsonNode importAndWait(String csv, String mode) {
        HttpResponse<String> response = post(operatorToken(), "text/csv", mode, csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/admin/referential/imports/" + JsonHttp.parse(response.body()).get("id").asLong());
        return await().atMost(Duration.ofSeconds(60)).until(() -> http.get(location).json(),
                job -> List.of("APPLIED", "REJECTED", "FAILED").contains(job.get("status").asString()));
    }

    private HttpResponse<String> post(String token, String contentType, String mode, String body) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/referential/imports?mode=" + mode))
                    .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String operatorToken() {
        return TestTokens.tokenWithoutPartner("operator", "operator");
    }

    private static List<String> faults(JsonNode job) {
        return job.get("faults").valueStream()
                .map(f -> f.get("line").asLong() + " " + f.get("field").asString() + " " + f.get("reason").asString())
                .toList();
    }
}
