package fr.eintervention.delivery;

import static fr.eintervention.delivery.DeliveryStatus.DELIVERED;
import static fr.eintervention.delivery.DeliveryStatus.FAILED;
import static fr.eintervention.delivery.DeliveryStatus.PENDING;
import static fr.eintervention.delivery.DeliveryStatus.REJECTED;
import static fr.eintervention.delivery.DeliveryStatus.SENDING;
import static fr.eintervention.delivery.DeliveryStatus.SUPERSEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import fr.eintervention.delivery.testapp.TestPartners;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.PartnerStub.Reply;
import io.micrometer.core.instrument.MeterRegistry;

class DeliveryEngineTest extends DeliveryTestSupport {

    private static final Reply MAUVAIS_FORMAT = Reply.ko(400, 2, "MAUVAIS_FORMAT", "Debut_Inter: format ISO 8601 attendu");

    @Autowired
    MeterRegistry meters;

    @Test
    void deliversTheBodyUnchangedToItsPartnerRightAfterTheCommit() {
        Partner oc = partner();
        Partner other = partner();
        oc.stub().replyWith(request -> new Reply(200,
                "{\"Code_Reponse\":0,\"Libelle_Reponse\":\"OK\",\"Ref_Interv_OI\":\"OI01-20261124-7K2M9QXA\"}"));
        Map<String, Object> payload = new HashMap<>(body("REF-DELIVER", "v1"));
        payload.put("Fin_Inter", null);

        long id = enqueue(oc.code(), "M2", "REF-DELIVER", payload);

        DeliveryRecord delivered = awaitStatus(id, DELIVERED);
        assertThat(JsonHttp.parse(delivered.payload())).isEqualTo(JsonHttp.parse(JsonHttp.write(body("REF-DELIVER", "v1"))));
        assertThat(oc.stub().received()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo(PATH);
            assertThat(request.body()).isEqualTo(delivered.payload());
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString((oc.code() + ":secret").getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(other.stub().received()).isEmpty();
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.lastHttpStatus()).isEqualTo(200);
        assertThat(delivered.answerCode()).isZero();
        assertThat(delivered.answerLabel()).isEqualTo("OK");
        assertThat(delivered.deliveredAt()).isNotNull().isEqualTo(delivered.lastAttemptAt());
        // a service learns what the partner answered (the DO: the OI's reference in R M1)
        await().atMost(TIMEOUT).until(() -> outcomes.of(id).size() == 1);
        assertThat(outcomes.of(id).get(0).answerBody()).contains("OI01-20261124-7K2M9QXA");
        assertThat(meters.get("eintervention.delivery.outcomes")
                .tags("partner", oc.code(), "kind", "M2", "status", "DELIVERED").counter().count()).isEqualTo(1);
    }

    @Test
    void sendsNothingWhenTheTransactionRollsBack() {
        Partner oc = partner();

        transaction.executeWithoutResult(status -> {
            outbox.enqueue(new OutboundMessage(oc.code(), "M2", "REF-ROLLBACK", PATH, body("REF-ROLLBACK", "v1")));
            status.setRollbackOnly();
        });

        assertThat(deliveries.bySubject("REF-ROLLBACK")).isEmpty();
        await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> oc.stub().received().isEmpty());
    }

    @Test
    void retriesOnTheScheduleThenFailsAfterTheFifthRetry() throws Exception {
        Partner oc = partner();
        oc.stub().replyWith(request -> Reply.status(500));
        List<Duration> delays = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofHours(20));

        long id = enqueue(oc.code(), "REF-RETRY");

        for (int retry = 1; retry <= delays.size(); retry++) {
            int attempts = retry;
            DeliveryRecord waiting = awaitRecord(id, record -> record.attempts() == attempts && record.status() == PENDING);
            Duration delay = delays.get(retry - 1);
            assertThat(waiting.nextAttemptAt()).isEqualTo(waiting.lastAttemptAt().plus(delay));
            assertThat(waiting.lastHttpStatus()).isEqualTo(500);
            assertThat(waiting.lastError()).isEqualTo("HTTP 500");

            advance(delay.minusSeconds(1));
            assertThat(record(id).attempts()).as("not due yet").isEqualTo(attempts);
            advance(Duration.ofSeconds(1));
        }

        DeliveryRecord failed = awaitStatus(id, FAILED);
        assertThat(failed.attempts()).isEqualTo(6);
        assertThat(oc.stub().received()).hasSize(6);
        await().atMost(TIMEOUT).until(() -> outcomes.of(id).size() == 1);
        assertThat(outcomes.of(id).get(0).status()).isEqualTo(FAILED);
    }

    @Test
    void aKoAnswerIsRejectedWithItsAnswerAndNotRetried() throws Exception {
        Partner oc = partner();
        oc.stub().replyWith(request -> MAUVAIS_FORMAT);

        long id = enqueue(oc.code(), "REF-KO");

        DeliveryRecord rejected = awaitStatus(id, REJECTED);
        assertThat(rejected.attempts()).isEqualTo(1);
        assertThat(rejected.lastHttpStatus()).isEqualTo(400);
        assertThat(rejected.answerCode()).isEqualTo(2);
        assertThat(rejected.answerLabel()).isEqualTo("MAUVAIS_FORMAT");
        assertThat(rejected.answerDescription()).isEqualTo("Debut_Inter: format ISO 8601 attendu");
        assertThat(rejected.answerBody()).isEqualTo(MAUVAIS_FORMAT.body());
        advance(Duration.ofDays(1));
        assertThat(oc.stub().received()).hasSize(1);
        assertThat(record(id).status()).isEqualTo(REJECTED);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(Reply.ko(404, 4, "PM_INCONNU", "PM inconnu"), REJECTED),
                Arguments.of(new Reply(200, "{\"Code_Reponse\":3,\"Libelle_Reponse\":\"OK\"}"), DELIVERED),
                Arguments.of(new Reply(200, "{\"Code_Reponse\":\"0\"}"), DELIVERED),
                Arguments.of(new Reply(200, "<html>welcome</html>"), REJECTED),
                Arguments.of(Reply.status(404), REJECTED),
                Arguments.of(Reply.status(503), PENDING),
                Arguments.of(Reply.status(408), PENDING),
                Arguments.of(Reply.status(429), PENDING),
                Arguments.of(Reply.status(401), PENDING));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void readsTheAnswerLabelFirstThenTheHttpStatus(Reply reply, DeliveryStatus expected) {
        Partner oc = partner();
        oc.stub().replyWith(request -> reply);

        long id = enqueue(oc.code(), "REF-ANSWER");

        DeliveryRecord record = awaitRecord(id, r -> r.attempts() == 1 && r.status() != SENDING);
        assertThat(record.status()).isEqualTo(expected);
        assertThat(record.lastHttpStatus()).isEqualTo(reply.status());
    }

    @Test
    void tooManyRequestsAndUnauthorizedAreRetried() throws Exception {
        Partner oc = partner();
        AtomicInteger calls = new AtomicInteger();
        oc.stub().replyWith(request -> switch (calls.incrementAndGet()) {
            case 1 -> Reply.status(429);
            case 2 -> Reply.status(401);
            default -> Reply.ok();
        });

        long id = enqueue(oc.code(), "REF-429");

        assertThat(awaitRecord(id, r -> r.attempts() == 1 && r.status() == PENDING).lastHttpStatus()).isEqualTo(429);
        advance(Duration.ofMinutes(1));
        assertThat(awaitRecord(id, r -> r.attempts() == 2 && r.status() == PENDING).lastHttpStatus()).isEqualTo(401);
        advance(Duration.ofMinutes(2));
        assertThat(awaitStatus(id, DELIVERED).attempts()).isEqualTo(3);
    }

    @Test
    void aPartnerDownThenUpGetsTheMessageAtTheNextRetry() throws Exception {
        Partner oc = partner();
        oc.stub().down();

        long id = enqueue(oc.code(), "REF-DOWN");

        DeliveryRecord waiting = awaitRecord(id, r -> r.attempts() == 1 && r.status() == PENDING);
        assertThat(waiting.lastHttpStatus()).isNull();
        assertThat(waiting.lastError()).isNotBlank();
        oc.stub().up();
        advance(Duration.ofMinutes(1));
        assertThat(awaitStatus(id, DELIVERED).attempts()).isEqualTo(2);
        assertThat(oc.stub().received()).hasSize(1);
    }

    @Test
    void aPartnerUnknownToTheDirectoryFailsAtOnce() {
        long id = enqueue("ZZ99", "REF-UNKNOWN");

        DeliveryRecord failed = awaitStatus(id, FAILED);
        assertThat(failed.attempts()).isZero();
        assertThat(failed.lastError()).contains("ZZ99", "unknown");
    }

    @Test
    void anM4WaitsForTheM2BeforeItToBeDelivered() throws Exception {
        Partner oc = partner();
        oc.stub().replyWith(request -> Reply.status(500));
        long m2 = enqueue(oc.code(), "M2", "REF-ORDER", body("REF-ORDER", "m2"));
        awaitRecord(m2, r -> r.attempts() == 1 && r.status() == PENDING);

        long m4 = enqueue(oc.code(), "M4", "REF-ORDER", body("REF-ORDER", "m4"));
        engine.pollNow();

        await().during(Duration.ofMillis(700)).atMost(TIMEOUT).until(() -> oc.stub().received().size() == 1);
        assertThat(record(m4).status()).isEqualTo(PENDING);
        assertThat(record(m4).attempts()).isZero();
        oc.stub().replyOk();
        advance(Duration.ofMinutes(1));
        awaitStatus(m4, DELIVERED);
        assertThat(bodies(oc.stub())).containsExactly(record(m2).payload(), record(m2).payload(), record(m4).payload());
    }

    @Test
    void aCorrectedM2ReplacesAnUndeliveredOne() throws Exception {
        Partner oc = partner();
        oc.stub().down();
        long first = enqueue(oc.code(), "M2", "REF-CORRECT", body("REF-CORRECT", "v1"));
        awaitRecord(first, r -> r.attempts() == 1 && r.status() == PENDING);

        long corrected = enqueue(oc.code(), "M2", "REF-CORRECT", body("REF-CORRECT", "v2"));

        assertThat(record(first).status()).isEqualTo(SUPERSEDED);
        awaitRecord(corrected, r -> r.attempts() == 1 && r.status() == PENDING);
        oc.stub().up();
        advance(Duration.ofMinutes(1));
        awaitStatus(corrected, DELIVERED);
        assertThat(bodies(oc.stub())).containsExactly(record(corrected).payload());
    }

    @Test
    void messagesQueuedTogetherAreDeliveredToEachPartnerInTheOrderGivenAndSupersedeWaitingOnes() throws Exception {
        Partner oc = partner();
        Partner other = partner();
        oc.stub().down();
        long waiting = enqueue(oc.code(), "M2", "REF-BATCH", body("REF-BATCH", "v1"));
        awaitRecord(waiting, r -> r.attempts() == 1 && r.status() == PENDING);
        Map<String, Object> m2 = body("REF-BATCH", "v2");
        Map<String, Object> m4 = body("REF-BATCH", "m4");

        List<Long> ids = transaction.execute(status -> outbox.enqueueAll(List.of(
                new OutboundMessage(oc.code(), "M2", "REF-BATCH", PATH, m2),
                new OutboundMessage(other.code(), "M2", "REF-BATCH", PATH, m2),
                new OutboundMessage(oc.code(), "M4", "REF-BATCH", PATH, m4),
                new OutboundMessage(other.code(), "M4", "REF-BATCH", PATH, m4))));

        assertThat(record(waiting).status()).isEqualTo(SUPERSEDED);
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        assertThat(ids.stream().map(this::record).map(r -> r.partner() + " " + r.kind()))
                .containsExactly(oc.code() + " M2", other.code() + " M2", oc.code() + " M4", other.code() + " M4");
        awaitStatus(ids.get(3), DELIVERED);
        assertThat(bodies(other.stub())).containsExactly(record(ids.get(0)).payload(), record(ids.get(2)).payload());
        oc.stub().up();
        advance(Duration.ofMinutes(1));
        awaitStatus(ids.get(2), DELIVERED);
        assertThat(bodies(oc.stub())).containsExactly(record(ids.get(0)).payload(), record(ids.get(2)).payload());
    }

    @Test
    void twoMessagesOfOneKindSubjectAndPartnerCannotBeQueuedTogether() {
        Partner oc = partner();
        OutboundMessage m2 = new OutboundMessage(oc.code(), "M2", "REF-TWICE", PATH, body("REF-TWICE", "v1"));

        assertThatThrownBy(() -> transaction.execute(status -> outbox.enqueueAll(List.of(m2, m2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REF-TWICE");
        assertThat(deliveries.bySubjectAndPartner("REF-TWICE", oc.code())).isEmpty();
    }

    @Test
    void anM2CorrectedWhileBeingSentIsSupersededWhenItsAttemptFails() {
        Partner oc = partner();
        oc.stub().hang();
        long first = enqueue(oc.code(), "M2", "REF-INFLIGHT", body("REF-INFLIGHT", "v1"));
        awaitStatus(first, SENDING);
        String firstBody = record(first).payload();
        oc.stub().replyWith(request -> request.body().equals(firstBody) ? Reply.status(500) : Reply.ok());

        long corrected = enqueue(oc.code(), "M2", "REF-INFLIGHT", body("REF-INFLIGHT", "v2"));
        assertThat(record(first).status()).as("being sent: not superseded yet").isEqualTo(SENDING);
        oc.stub().release();

        // no retry of the stale body: the corrected one goes at once, after it
        assertThat(awaitStatus(first, SUPERSEDED).lastHttpStatus()).isEqualTo(500);
        awaitStatus(corrected, DELIVERED);
        assertThat(bodies(oc.stub())).containsExactly(firstBody, record(corrected).payload());
    }

    @Test
    void aHangingPartnerDoesNotDelayAnother() {
        Partner slow = partner();
        Partner fast = partner();
        slow.stub().hang();
        List<Long> slowIds = IntStream.range(0, 6).mapToObj(i -> enqueue(slow.code(), "REF-SLOW-" + i)).toList();
        // its 4 calls allowed at once hang; the 2 other messages wait for one of them to end
        await().atMost(TIMEOUT).until(() -> meters.find("resilience4j.bulkhead.available.concurrent.calls")
                .tag("name", slow.code()).gauges().stream().anyMatch(gauge -> gauge.value() == 0));

        long fastId = enqueue(fast.code(), "REF-FAST");

        DeliveryRecord delivered = await().atMost(Duration.ofSeconds(3)).until(() -> record(fastId), r -> r.status() == DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(slowIds).allSatisfy(id -> assertThat(record(id).status()).isIn(SENDING, PENDING));
        slow.stub().release();
        slowIds.forEach(id -> awaitStatus(id, DELIVERED));
        assertThat(slowIds).allSatisfy(id -> assertThat(record(id).attempts()).isEqualTo(1));
    }

    @Test
    void anOpenCircuitMakesMessagesWaitWithoutCountingAttempts() throws Exception {
        // CB01's circuit opens after 4 calls (test configuration)
        PartnerStub stub = PartnerStub.start();
        try {
            TestPartners.put("CB01", stub);
            stub.replyWith(request -> Reply.status(500));
            List<Long> failing = IntStream.range(0, 4).mapToObj(i -> enqueue("CB01", "REF-CB-" + i)).toList();
            failing.forEach(id -> awaitRecord(id, r -> r.attempts() == 1 && r.status() == PENDING));

            long waiting = enqueue("CB01", "REF-CB-WAIT");

            Instant postponedAt = clock.instant();
            DeliveryRecord postponed = awaitRecord(waiting, r -> r.status() == PENDING && r.nextAttemptAt().isAfter(postponedAt));
            assertThat(postponed.attempts()).isZero();
            assertThat(postponed.nextAttemptAt()).isBetween(postponedAt.plusSeconds(20), postponedAt.plusSeconds(31));
            assertThat(stub.received()).hasSize(4);
            stub.replyOk();
            advance(Duration.ofSeconds(31));
            assertThat(awaitStatus(waiting, DELIVERED).attempts()).isEqualTo(1);
        } finally {
            stub.close();
        }
    }
}
