package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.eintervention.conformance.ConformanceKit;
import fr.eintervention.conformance.suite.Operator;
import fr.eintervention.testsupport.JsonHttp;

/**
 * The conformance kit against our own services run as processes, security on: the OI, the OC
 * adapter and the DO gateway each pass every required test of the v1 suite of their role. The
 * services retry after 1 s (instead of 1 min) so that the kit's retry tests do not wait a minute; the
 * OI gives up on a silent OC after 2 s, which the kit's OC exceeds once to see the OI retry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceKitEndToEndTest {

    private static final String PM = "FI-35238-0001";
    private static final String FAST_RETRIES = "--eintervention.delivery.retry-delays=1s,2s,5s,10s,60s";
    private static final String FAST_POLL = "--eintervention.delivery.poll-interval=1s";

    private ServiceProcess auth;
    private ServiceProcess oi;
    private ServiceProcess oc;
    private ServiceProcess gateway;
    private final int kitAsOcs = ServiceProcess.freePort();
    private final int kitAsOiOfTheOc = ServiceProcess.freePort();
    private final int kitAsOiOfTheDo = ServiceProcess.freePort();

    @BeforeAll
    void startTheServices() {
        auth = ServiceProcess.of("e2e-kit-auth", "auth-server");
        String issuer = "--AUTH_ISSUER=" + auth.url();
        auth = ServiceProcess.of("e2e-kit-auth", "auth-server", issuer, "--PORT=" + auth.port()).onPort(auth.port());
        oi = ServiceProcess.of("e2e-kit-oi", "oi-service", issuer, FAST_RETRIES, FAST_POLL,
                "--eintervention.delivery.partner-defaults.read-timeout=2s");
        oc = ServiceProcess.of("e2e-kit-oc01", "oc-adapter", issuer, "--OC_CODE=OC01", "--OC_CLIENT_SECRET=demo-oc01-secret",
                "--eintervention.oc.code=OC01", "--eintervention.oc.partners.OI01.base-url=http://127.0.0.1:" + kitAsOiOfTheOc,
                "--eintervention.oc.flux3.settling-delay=1s", "--eintervention.oc.flux3.poll-interval=1s", FAST_RETRIES, FAST_POLL);
        gateway = ServiceProcess.of("e2e-kit-do", "do-gateway", issuer, "--eintervention.do.code=DO01",
                "--eintervention.do.ois.OI01.base-url=http://127.0.0.1:" + kitAsOiOfTheDo, FAST_RETRIES, FAST_POLL);
        auth.start();
        oi.start();
        JsonHttp operator = oi.http().withToken(auth.token("operator", "demo-operator-secret"));
        for (String code : List.of("OC01", "OC02")) {
            JsonHttp.Response partner = operator.send(HttpRequest.newBuilder(URI.create(oi.url() + "/admin/referential/partners/" + code))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + code + "\",\"baseUrl\":\"http://127.0.0.1:" + kitAsOcs + "/" + code
                            + "\",\"flux3\":true}")));
            assertThat(partner.status()).as(partner.body()).isEqualTo(200);
        }
        oc.start();
        gateway.start();
    }

    @AfterAll
    void stopTheServices() {
        List<ServiceProcess> services = Stream.of(gateway, oc, oi, auth).filter(Objects::nonNull).toList();
        services.forEach(ServiceProcess::signalStop);
        services.forEach(ServiceProcess::close);
    }

    @Test
    void ourOiPassesEveryRequiredTestInUnderTwoMinutes() {
        Instant started = Instant.now();
        Kit run = kit(Operator.console(System.out), "oi", "--target", oi.url(), "--listen", "127.0.0.1:" + kitAsOcs,
                "--token-url", auth.url() + "/oauth2/token", "--client-id", "DO01", "--client-secret", "demo-do01-secret",
                "--oc-secret", "OC01=demo-oc01-secret", "--oc-secret", "OC02=demo-oc02-secret", "--retry-wait-seconds", "30",
                "--slow-answer-seconds", "4");
        Duration took = Duration.between(started, Instant.now());
        assertThat(run.exitCode()).as(run.console()).isZero();
        assertThat(run.console()).doesNotContain(" FAILED ", " WARNING ", " SKIPPED ");
        assertThat(took).isLessThan(Duration.ofMinutes(2));
        System.out.println("conformance kit, oi v1 against oi-service: " + took.toMillis() + " ms");
    }

    @Test
    void ourOcAdapterPassesEveryRequiredTest() {
        Kit run = kit(Operator.console(System.out), "oc", "--target", oc.url(), "--listen", "127.0.0.1:" + kitAsOiOfTheOc,
                "--token-url", auth.url() + "/oauth2/token", "--client-id", "OI01", "--client-secret", "demo-oi01-secret", "--oc-code", "OC01",
                "--retry-wait-seconds", "30", "--operator-wait-seconds", "60");
        assertThat(run.exitCode()).as(run.console()).isZero();
        assertThat(run.console()).doesNotContain(" FAILED ", " SKIPPED ");
    }

    @Test
    void ourDoGatewayPassesEveryRequiredTest() {
        Technician technician = new Technician(gateway.http().withToken(auth.token("technician", "demo-technician-secret")));
        Kit run = kit(technician, "do", "--target", gateway.url(), "--listen", "127.0.0.1:" + kitAsOiOfTheDo,
                "--retry-wait-seconds", "30", "--operator-wait-seconds", "60", "--wait-seconds", "5");
        assertThat(run.exitCode()).as(run.console()).isZero();
        assertThat(run.console()).doesNotContain(" FAILED ", " SKIPPED ");
    }

    /** Plays the operator of the DO: the technician's tool declares what the kit asks, through the gateway's field API. */
    private static final class Technician implements Operator {
        private final JsonHttp api;
        private String ref;

        Technician(JsonHttp api) {
            this.api = api;
        }

        @Override
        public void ask(String key, String instruction) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String natures = "[{\"nature\":1,\"pbo\":\"PT000123\",\"pto\":\"FI-1234-5678\"}]";
            JsonHttp.Response response = switch (key) {
                case "start" -> api.post("/interventions", """
                        {"technicianId":"TECH-KIT","codeOi":"OI01","pm":"%s","natures":%s,"start":"%s"}""".formatted(PM, natures, now.minusSeconds(300)));
                case "end" -> api.post("/interventions/" + ref + "/end", "{\"end\":\"" + now + "\"}");
                case "second" -> api.post("/interventions", """
                        {"technicianId":"TECH-KIT","codeOi":"OI01","pm":"%s","natures":%s,"start":"%s","end":"%s"}"""
                        .formatted(PM, natures, now.minusSeconds(120), now));
                default -> throw new IllegalArgumentException(key);
            };
            assertThat(response.status()).as(key + ": " + response.body()).isIn(200, 201);
            if (key.equals("start")) {
                ref = response.text("ref");
            }
        }
    }

    private record Kit(int exitCode, String console) {
    }

    private static Kit kit(Operator operator, String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.addAll(List.of("--reports", Path.of("target/e2e/conformance-" + arguments[0]).toString()));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code = ConformanceKit.run(args.toArray(String[]::new), out, out, operator);
        System.out.println(console.toString(StandardCharsets.UTF_8));
        return new Kit(code, console.toString(StandardCharsets.UTF_8));
    }
}
