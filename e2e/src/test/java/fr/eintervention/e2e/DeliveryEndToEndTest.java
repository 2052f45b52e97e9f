package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestPostgres;
import tools.jackson.databind.JsonNode;

/**
 * The delivery engine between our own services run as processes, security on, at their default
 * settings: an OI drains a backlog into a real OC adapter without tripping its rate limit; a DO
 * gateway killed while it records the OI's answer records it after its restart. The OI and the
 * DO gateway use databases of the test's PostgreSQL, so that the test can fill the OI's outbox
 * and watch the gateway's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryEndToEndTest {

    private static final String PM = "FI-35238-0001";
    /** the backlog drained; 10,000 by default (-De2e.drain.messages to change it) */
    private static final int BACKLOG = Integer.getInteger("e2e.drain.messages", 10_000);

    private ServiceProcess auth;
    private ServiceProcess oi;
    private ServiceProcess oc01;
    private ServiceProcess gateway;
    private JdbcClient oiDatabase;
    private JdbcClient gatewayDatabase;
    private String gatewayUrl;
    private JsonHttp operatorAtOi;

    @BeforeAll
    void startTheServices() {
        TestPostgres postgres = TestPostgres.get();
        String oiUrl = postgres.newDatabase("e2e_delivery_oi");
        gatewayUrl = postgres.newDatabase("e2e_delivery_do");
        oiDatabase = JdbcClient.create(new DriverManagerDataSource(oiUrl, postgres.user(), postgres.password()));
        gatewayDatabase = JdbcClient.create(new DriverManagerDataSource(gatewayUrl, postgres.user(), postgres.password()));

        auth = ServiceProcess.of("e2e-delivery-auth", "auth-server");
        String issuer = "--AUTH_ISSUER=" + auth.url();
        auth = ServiceProcess.of("e2e-delivery-auth", "auth-server", issuer, "--PORT=" + auth.port()).onPort(auth.port());
        oi = ServiceProcess.of("e2e-delivery-oi", "oi-service", issuer, "--spring.datasource.url=" + oiUrl,
                "--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password());
        oc01 = ServiceProcess.of("e2e-delivery-oc01", "oc-adapter", issuer, "--OC_CODE=OC01",
                "--OC_CLIENT_SECRET=demo-oc01-secret", "--eintervention.oc.code=OC01",
                "--eintervention.oc.partners.OI01.base-url=" + oi.url());
        gateway = ServiceProcess.of("e2e-delivery-do", "do-gateway", issuer, "--eintervention.do.code=DO01",
                "--eintervention.do.ois.OI01.base-url=" + oi.url(), "--spring.datasource.url=" + gatewayUrl,
                "--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password(),
                "--eintervention.delivery.retry-delays=2s,3s,5s,10s,60s", "--eintervention.delivery.poll-interval=1s");
        auth.start();
        oi.start();
        operatorAtOi = oi.http().withToken(auth.token("operator", "demo-operator-secret"));
        JsonHttp.Response partner = operatorAtOi.send(HttpRequest.newBuilder(URI.create(oi.url() + "/admin/referential/partners/OC01"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"OC01\",\"baseUrl\":\"" + oc01.url() + "\",\"flux3\":true}")));
        assertThat(partner.status()).as(partner.body()).isEqualTo(200);
        oc01.start();
        gateway.start();
    }

    @AfterAll
    void stopTheServices() {
        List<ServiceProcess> services = Stream.of(gateway, oc01, oi, auth).filter(Objects::nonNull).toList();
        services.forEach(ServiceProcess::signalStop);
        services.forEach(ServiceProcess::close);
    }

    @Test
    @Order(1)
    void anOiDrainsABacklogIntoAnOcAdapterWithoutTrippingItsRateLimit() {
        // an OC back after an outage: its M2s all due at once in the OI's outbox
        Instant queued = Instant.now();
        oiDatabase.sql("""
                insert into delivery_message (partner, kind, subject, path, payload, status, next_attempt_at, created_at,
                                              updated_at, give_up_at)
                select 'OC01', 'M2', 'OI01-DRAIN-' || lpad(g::text, 6, '0'), '/v1/intervention_OI',
                       '{"Code_OI":"OI01","Ref_Interv_OI":"OI01-DRAIN-' || lpad(g::text, 6, '0')
                       || '","PM":"%s","PBO":[{"PBO":"PT000123"}],"Debut_Inter":"%s"}',
                       'PENDING', now(), now(), now(), now() + interval '24 hours'
                from generate_series(1, :backlog) g
                """.formatted(PM, queued.minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)))
                .param("backlog", BACKLOG).update();

        // every message delivered, none retried, none refused with 429: what this test proves. How fast is the
        // benchmarks' job (BENCHMARKS.md, the backlog drain), not a bound here: a shared machine's speed moves
        // from hour to hour (10,000 M2 took from 7 s on a quiet machine to over a minute on a busy one)
        await("the backlog drained").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> drained() == BACKLOG);

        Instant last = oiDatabase.sql("select max(delivered_at) from delivery_message where subject like 'OI01-DRAIN-%'")
                .query(java.sql.Timestamp.class).single().toInstant();
        long retriesSpent = oiDatabase.sql("select count(*) from delivery_message where subject like 'OI01-DRAIN-%' and attempts > 1")
                .query(Long.class).single();
        JsonHttp.Response throttled = operatorAtOi.get("/actuator/metrics/eintervention.delivery.throttled?tag=partner:OC01");
        double tooManyRequests = throttled.status() == 404 ? 0 : throttled.json().get("measurements").get(0).get("value").asDouble();
        System.out.printf("drain: %,d M2 delivered to a real OC adapter in %.1f s (%.0f/s), %.0f answers asking to wait (429)%n",
                BACKLOG, Duration.between(queued, last).toMillis() / 1000.0,
                BACKLOG * 1000.0 / Math.max(1, Duration.between(queued, last).toMillis()), tooManyRequests);
        assertThat(retriesSpent).as("no retry spent").isZero();
        assertThat(tooManyRequests).as("the OI kept to its pace, below the OC adapter's limit").isZero();
    }

    @Test
    @Order(2)
    void aGatewayKilledWhileRecordingTheOisAnswerRecordsItAfterItsRestart() throws SQLException {
        // the gateway's service is made to hang at the worst moment: while it records R M1, after
        // the outbox row says DELIVERED (a trigger waits for a lock the test holds)
        gatewayDatabase.sql("""
                create or replace function e2e_hold() returns trigger language plpgsql as $$
                begin perform pg_advisory_xact_lock_shared(4242); return new; end $$""").update();
        gatewayDatabase.sql("""
                create trigger e2e_hold before update on declaration for each row
                when (new.ref_interv_oi is not null) execute function e2e_hold()""").update();
        TestPostgres postgres = TestPostgres.get();
        String ref;
        try (Connection holder = DriverManager.getConnection(gatewayUrl, postgres.user(), postgres.password());
                Statement lock = holder.createStatement()) {
            lock.execute("select pg_advisory_lock(4242)");
            JsonHttp technician = gateway.http().withToken(auth.token("technician", "demo-technician-secret"));
            Instant start = Instant.now().minus(10, ChronoUnit.MINUTES);
            JsonHttp.Response created = technician.post("/interventions", """
                    {"technicianId":"TECH-E2E","codeOi":"OI01","pm":"%s","natures":[{"nature":1,"pbo":"PT000123","pto":"FI-1234-5678"}],
                     "start":"%s"}""".formatted(PM, start));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ref = created.text("ref");
            await("R M1 being recorded").atMost(Duration.ofSeconds(60)).until(() -> gatewayDatabase.sql(
                    "select count(*) from pg_locks where locktype = 'advisory' and not granted").query(Long.class).single() > 0);
            assertThat(gatewayDatabase.sql("select status from delivery_message where kind = 'M1' order by id desc limit 1")
                    .query(String.class).single()).isEqualTo("DELIVERED");

            gateway.kill();

            lock.execute("select pg_advisory_unlock(4242)");
        }
        gatewayDatabase.sql("drop trigger e2e_hold on declaration").update();
        assertThat(gatewayDatabase.sql("select count(*) from declaration where ref_interv_oi is not null")
                .query(Long.class).single()).as("not recorded before the crash").isZero();

        gateway.start();

        await("R M1 recorded after the restart").atMost(Duration.ofSeconds(60)).until(() -> view(ref).hasNonNull("refIntervOi"));
        assertThat(view(ref).get("refIntervOi").asString()).startsWith("OI01-");
    }

    private long drained() {
        return oiDatabase.sql("select count(*) from delivery_message where subject like 'OI01-DRAIN-%' and status = 'DELIVERED'")
                .query(Long.class).single();
    }

    private JsonNode view(String ref) {
        return gateway.http().withToken(auth.token("technician", "demo-technician-secret")).get("/interventions/" + ref).json();
    }
}
