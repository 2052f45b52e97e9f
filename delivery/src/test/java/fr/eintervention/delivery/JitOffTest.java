package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import fr.eintervention.delivery.DeliveryQueue.Lease;
import fr.eintervention.testsupport.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim of due messages under a backlog of 300,000 (an OI that fell behind), on a database
 * with PostgreSQL's default settings (JIT on). PostgreSQL would JIT-compile the claim at every
 * call (its estimated cost passes {@code jit_above_cost}: 150 to 200 ms of compilation for a
 * statement that runs in a fraction of a millisecond): the engine's sessions run without JIT.
 *
 * <p>The embedded PostgreSQL of the tests is built without LLVM ({@code pg_jit_available()} is
 * false): there, the test shows the cost that would trigger JIT and that the engine's sessions
 * have it off. Against a server with LLVM ({@code -Djit.test.url=jdbc:postgresql://...}, e.g.
 * Debian's PostgreSQL), it also shows the plans: compiled on a plain session, not on the engine's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JitOffTest {

    private static final String PARTNER = "JIT1";
    private static final int BACKLOG = 300_000;

    private DriverManagerDataSource dataSource;
    private SingleConnectionDataSource plainSession;
    private SingleConnectionDataSource engineSession;

    @BeforeAll
    void backlog() {
        String url = System.getProperty("jit.test.url");
        TestPostgres postgres = TestPostgres.get();
        dataSource = url != null
                ? new DriverManagerDataSource(url, System.getProperty("jit.test.user", "postgres"), System.getProperty("jit.test.password", ""))
                : new DriverManagerDataSource(postgres.newDatabase("jit"), postgres.user(), postgres.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/delivery").table("flyway_history_delivery")
                .cleanDisabled(false).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from delivery_message where partner = :partner").param("partner", PARTNER).update();
        jdbc.sql("""
                insert into delivery_message (partner, kind, subject, path, payload, status, next_attempt_at, created_at,
                                              updated_at, give_up_at)
                select :partner, 'M2', 'OI01-JIT-' || g, '/v1/intervention_OI', repeat('x', 300), 'PENDING',
                       now() - interval '1 hour' + g * interval '1 ms', now(), now(), now() + interval '1 day'
                from generate_series(1, :backlog) g
                """).param("partner", PARTNER).param("backlog", BACKLOG).update();
        jdbc.sql("analyze delivery_message").update();
        plainSession = new SingleConnectionDataSource(dataSource.getUrl(), dataSource.getUsername(), dataSource.getPassword(), true);
        engineSession = new SingleConnectionDataSource(dataSource.getUrl(), dataSource.getUsername(), dataSource.getPassword(), true);
    }

    @AfterAll
    void close() {
        if (plainSession != null) {
            plainSession.destroy();
            engineSession.destroy();
        }
    }

    @Test
    void theEnginesSessionsDoNotJitCompileTheClaimThatPostgresqlWouldCompileAtItsDefaults() {
        DeliveryQueue engine = new DeliveryQueue(JdbcClient.create(new JitOffJdbcTemplate(engineSession)), JsonMapper.builder().build());
        DeliveryQueue plain = new DeliveryQueue(JdbcClient.create(plainSession), JsonMapper.builder().build());
        Instant now = Instant.now();
        Lease lease = new Lease("jit-test", now, now.plusSeconds(60));
        Map<String, Integer> rooms = Map.of(PARTNER, 16);

        String plainPlan = plain.planOfClaimDue(rooms, lease);
        double jitAboveCost = Double.parseDouble(plain.setting("jit_above_cost"));
        boolean llvm = JdbcClient.create(plainSession).sql("select pg_jit_available()").query(Boolean.class).single();

        // at PostgreSQL's defaults: JIT on, and the claim costed above the threshold
        assertThat(plain.setting("jit")).isEqualTo("on");
        assertThat(totalCost(plainPlan)).as(plainPlan).isGreaterThan(jitAboveCost);
        if (llvm) {
            assertThat(plainPlan).as("a plain session compiles the claim").contains("JIT:");
        }

        String enginePlan = engine.planOfClaimDue(rooms, lease);
        assertThat(engine.setting("jit")).isEqualTo("off");
        assertThat(enginePlan).doesNotContain("JIT:");

        // a figure for the record (no assertion on time): claims of 16 on each session
        System.out.printf("JIT available: %s; claim of 16 among %,d due: plain session %.1f ms, engine's %.1f ms%n",
                llvm, BACKLOG, claimMillis(plain, rooms), claimMillis(engine, rooms));
    }

    private static double claimMillis(DeliveryQueue store, Map<String, Integer> rooms) {
        int claims = 20;
        long start = System.nanoTime();
        for (int i = 0; i < claims; i++) {
            Instant now = Instant.now();
            assertThat(store.claimDue(rooms, new Lease("jit-test", now, now.plusSeconds(60)))).hasSize(16);
        }
        return (System.nanoTime() - start) / 1e6 / claims;
    }

    /** The total cost of the plan's top node: "(cost=1.23..4567.89 rows=...". */
    private static double totalCost(String plan) {
        String first = plan.lines().findFirst().orElseThrow();
        String cost = first.substring(first.indexOf("cost=") + 5);
        return Double.parseDouble(cost.substring(cost.indexOf("..") + 2, cost.indexOf(' ')));
    }
}
