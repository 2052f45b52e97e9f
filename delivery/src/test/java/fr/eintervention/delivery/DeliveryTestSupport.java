package fr.eintervention.delivery;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.testapp.DeliveryTestApplication;
import fr.eintervention.testsupport.MovableClock;
import fr.eintervention.delivery.testapp.RecordingListener;
import fr.eintervention.delivery.testapp.TestPartners;
import fr.eintervention.testsupport.PartnerStub;

/**
 * One application shared by the test classes (same configuration: one Spring context, one
 * database). Each test takes partners of its own, so tests do not see each other's messages.
 */
@SpringBootTest(classes = DeliveryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DeliveryTestSupport {

    static final String PATH = "/v1/intervention_OI";
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Autowired
    Outbox outbox;
    @Autowired
    Deliveries deliveries;
    @Autowired
    DeliveryEngine engine;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MovableClock clock;
    @Autowired
    RecordingListener outcomes;

    private final List<PartnerStub> stubs = new ArrayList<>();

    /** A partner of this test, answering OK until told otherwise. */
    record Partner(String code, PartnerStub stub) {
    }

    Partner partner() {
        PartnerStub stub = PartnerStub.start();
        stubs.add(stub);
        return new Partner(TestPartners.add(stub), stub);
    }

    @AfterEach
    void closeStubs() {
        stubs.forEach(PartnerStub::close);
    }

    /** Queues a message in a transaction of its own, as a service does with its business change. */
    long enqueue(String partner, String kind, String subject, Object payload) {
        return transaction.execute(status -> outbox.enqueue(new OutboundMessage(partner, kind, subject, PATH, payload)));
    }

    long enqueue(String partner, String subject) {
        return enqueue(partner, "M2", subject, body(subject, "v1"));
    }

    /** An M2-like body; {@code version} tells corrected bodies apart. */
    static Map<String, Object> body(String subject, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code_OI", "OI01");
        body.put("Ref_Interv_OI", subject);
        body.put("PM", "FI-35238-0001");
        body.put("PBO", List.of(Map.of("PBO", "PT-" + version)));
        body.put("Debut_Inter", "2026-11-24T09:15:00+01:00");
        return body;
    }

    DeliveryRecord record(long id) {
        return deliveries.byId(id).orElseThrow();
    }

    DeliveryRecord awaitRecord(long id, Predicate<DeliveryRecord> condition) {
        return await().atMost(TIMEOUT).until(() -> record(id), condition);
    }

    DeliveryRecord awaitStatus(long id, DeliveryStatus status) {
        return awaitRecord(id, record -> record.status() == status);
    }

    /** Moves time forward and polls at once, as the poll timer would. */
    void advance(Duration duration) throws Exception {
        clock.advance(duration);
        engine.pollNow();
    }

    static List<String> bodies(PartnerStub stub) {
        return stub.received().stream().map(PartnerStub.Received::body).toList();
    }
}
