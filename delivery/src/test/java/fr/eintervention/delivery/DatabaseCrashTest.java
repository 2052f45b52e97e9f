package fr.eintervention.delivery;

import static fr.eintervention.delivery.DeliveryStatus.DELIVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.testapp.DeliveryTestApplication;
import fr.eintervention.delivery.testapp.TestPartners;
import fr.eintervention.localpostgres.LocalPostgres;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.StoppablePostgres;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's PostgreSQL crashes ({@code kill -9} of the postmaster) while a call is under way,
 * then comes back: the instance lives on, and nothing stays held by it without being sent.
 */
class DatabaseCrashTest {

    private static final StoppablePostgres POSTGRES = StoppablePostgres.start("delivery-crash");

    private final PartnerStub stub = PartnerStub.start();
    private final String partner = TestPartners.add(stub);
    private final AtomicInteger received = new AtomicInteger();
    private ConfigurableApplicationContext instance;

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
        stub.close();
    }

    @Test
    void aResultTheDatabaseCouldNotStoreIsPutBackOnceItIsBackAndItsMessageSentAgain() {
        stub.replyWith(request -> {
            received.incrementAndGet();
            return PartnerStub.Reply.ok();
        });
        stub.hang();
        instance = new SpringApplicationBuilder(DeliveryTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + POSTGRES.jdbcUrl(), "spring.datasource.username=" + LocalPostgres.USER,
                        "spring.datasource.password=", "spring.datasource.hikari.connection-timeout=1s",
                        "eintervention.delivery.instance-id=crash")
                .run();
        Outbox outbox = instance.getBean(Outbox.class);
        instance.getBean(TransactionTemplate.class).executeWithoutResult(status ->
                outbox.enqueue(new OutboundMessage(partner, "M2", "REF-CRASH", DeliveryTestSupport.PATH,
                        DeliveryTestSupport.body("REF-CRASH", "v1"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> stub.hanging() == 1); // the call under way

        POSTGRES.crash();
        stub.release(); // the call ends while the database is down: its result cannot be stored
        MeterRegistry meters = instance.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter("eintervention.delivery.results.unstored").count() == 1);
        POSTGRES.restart();

        // its instance lives and holds it: no other would take it over; the instance puts it back itself
        await().atMost(Duration.ofSeconds(60)).until(() -> JdbcClient.create(instance.getBean(DataSource.class))
                .sql("select count(*) from delivery_message where subject = 'REF-CRASH' and status = :status")
                .param("status", DELIVERED.name()).query(Long.class).single() == 1);
        assertThat(received.get()).as("sent again: at least once").isEqualTo(2);
    }
}
