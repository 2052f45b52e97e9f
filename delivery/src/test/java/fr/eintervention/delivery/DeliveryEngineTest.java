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
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
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
    void unauthorizedIsRetried() throws Exception {
        Partner oc = partner();
        AtomicInteger calls = new AtomicInteger();
        oc.stub().replyWith(request -> calls.incrementAndGet() == 1 ? Reply.status(401) : Reply.ok());

        long id = enqueue(oc.code(), "REF-401");

        assertThat(awaitRecord(id, r -> r.attempts() == 1 && r.status() == PENDING).lastHttpStatus()).isEqualTo(401);
        advance(Duration.ofMinutes(1));
        assertThat(awaitStatus(id, DELIVERED).attempts()).isEqualTo(2);
    }

    static Stream<Arguments> askingToWait() {
        return Stream.of(
                Arguments.of(Reply.status(429).withHeader("Retry-After", "2")),
                Arguments.of(Reply.status(503).withHeader("Retry-After", "2")));
    }

    @ParameterizedTest
    @MethodSource("askingToWait")
    void aPartnerAskingToWaitGetsTheMessageWhenItAsksWithoutSpendingARetry(Reply wait) {
        Partner oc = partner();
        AtomicInteger calls = new AtomicInteger();
        oc.stub().replyWith(request -> calls.incrementAndGet() == 1 ? wait : Reply.ok());

        long id = enqueue(oc.code(), "REF-WAIT");

        // due again when the partner asked, not at the first retry a minute later; no retry spent
        DeliveryRecord delivered = awaitStatus(id, DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(oc.stub().received()).hasSize(2);
        assertThat(Duration.between(oc.stub().received().get(0).at(), oc.stub().received().get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aFloodOfTooManyRequestsNeitherSpendsRetriesNorOpensTheCircuit() {
        // CB02's circuit opens after 4 failed calls in 4 (test configuration): 429s are not failures
        PartnerStub stub = PartnerStub.start();
        try {
            TestPartners.put("CB02", stub);
            AtomicInteger calls = new AtomicInteger();
            stub.replyWith(request -> calls.incrementAndGet() <= 12 ? Reply.status(429).withHeader("Retry-After", "0") : Reply.ok());

            List<Long> ids = IntStream.range(0, 6).mapToObj(i -> enqueue("CB02", "REF-FLOOD-" + i)).toList();

            // an open circuit would hold them 30 s (the clock follows real time): beyond the wait below
            ids.forEach(id -> assertThat(awaitStatus(id, DELIVERED).attempts()).isEqualTo(1));
            assertThat(calls.get()).isGreaterThan(12);
        } finally {
            stub.close();
        }
    }

    @Test
    void eachSenderKeepsToItsPaceBelowTheReceiversLimit() {
        // PACE's pace is 8 requests/s (test configuration); the receiver allows 10 a second, as
        // PartnerRateLimitFilter does, and answers 429 past it
        PartnerStub stub = PartnerStub.start();
        try {
            TestPartners.put("PACE", stub);
            RateLimiter receiverLimit = RateLimiter.of("receiver", RateLimiterConfig.custom().limitForPeriod(10)
                    .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
            AtomicInteger refused = new AtomicInteger();
            stub.replyWith(request -> {
                if (receiverLimit.acquirePermission()) {
                    return Reply.ok();
                }
                refused.incrementAndGet();
                return Reply.status(429).withHeader("Retry-After", "1");
            });

            List<Long> ids = IntStream.range(0, 30).mapToObj(i -> "REF-PACE-" + i).map(subject -> enqueue("PACE", subject)).toList();

            ids.forEach(id -> awaitStatus(id, DELIVERED));
            assertThat(refused.get()).as("429s answered by the receiver").isZero();
            assertThat(stub.received()).hasSize(30);
        } finally {
            stub.close();
        }
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

            List<Long> waiting = IntStream.range(0, 5).mapToObj(i -> enqueue("CB01", "REF-CB-WAIT-" + i)).toList();
            engine.pollNow();

            // queued waiting, and left untouched while the circuit is open: no write per message
            assertThat(waiting).allSatisfy(id -> {
                DeliveryRecord untouched = record(id);
                assertThat(untouched.status()).isEqualTo(PENDING);
                assertThat(untouched.attempts()).isZero();
                assertThat(untouched.updatedAt()).isEqualTo(untouched.createdAt());
            });
            assertThat(stub.received()).hasSize(4);
            stub.replyOk();
            advance(Duration.ofSeconds(31));
            waiting.forEach(id -> assertThat(awaitStatus(id, DELIVERED).attempts()).isEqualTo(1));
        } finally {
            stub.close();
        }
    }

    @Test
    void aPartnerThatAnswersAgainGetsEveryWaitingMessageAtOnceNotAtEachOnesNextRetry() throws Exception {
        // CB04's circuit opens after 4 calls, for 30 s (test configuration)
        PartnerStub stub = PartnerStub.start();
        try {
            TestPartners.put("CB04", stub);
            stub.down();
            List<Long> failed = IntStream.range(0, 4).mapToObj(i -> enqueue("CB04", "REF-BACK-" + i)).toList();
            failed.forEach(id -> awaitRecord(id, r -> r.attempts() == 1 && r.status() == PENDING));
            List<Long> waiting = IntStream.range(0, 3).mapToObj(i -> enqueue("CB04", "REF-BACK-WAIT-" + i)).toList();
            engine.pollNow();
            assertThat(record(failed.get(0)).nextAttemptAt()).as("its next retry").isAfter(clock.instant().plusSeconds(50));

            stub.up();
            advance(Duration.ofSeconds(31)); // the circuit lets a trial call through: it succeeds

            // every one delivered long before the first retry is due (a minute after its attempt)
            waiting.forEach(id -> assertThat(awaitStatus(id, DELIVERED).attempts()).isEqualTo(1));
            failed.forEach(id -> assertThat(awaitStatus(id, DELIVERED).attempts()).isEqualTo(2));
            assertThat(stub.received()).hasSize(7);
        } finally {
            stub.close();
        }
    }

    @Test
    void aListenerThatFailsIsToldAgainUntilTheServiceHasRecordedTheOutcome() {
        Partner oc = partner();
        outcomes.failOn("REF-LISTENER-FAILS", 2);

        long id = enqueue(oc.code(), "REF-LISTENER-FAILS");

        awaitStatus(id, DELIVERED);
        await().atMost(TIMEOUT).until(() -> outcomes.of(id).size() == 1);
        assertThat(outcomes.of(id).get(0).status()).isEqualTo(DELIVERED);
        assertThat(oc.stub().received()).as("sent once: only the report is tried again").hasSize(1);
    }

    @Test
    void aHangingListenerStallsNeitherDeliveriesNorTheRecordingOfResults() {
        Partner oc = partner();
        Partner other = partner();
        outcomes.hangOn("REF-LISTENER-HANGS");
        try {
            long hanging = enqueue(oc.code(), "REF-LISTENER-HANGS");
            awaitStatus(hanging, DELIVERED);
            await().atMost(TIMEOUT).until(() -> outcomes.calls() > 0 && outcomes.of(hanging).isEmpty());

            List<Long> others = IntStream.range(0, 20).mapToObj(i -> enqueue(other.code(), "REF-AFTER-HANG-" + i)).toList();

            others.forEach(id -> awaitStatus(id, DELIVERED));
            assertThat(outcomes.of(hanging)).isEmpty();
            outcomes.release("REF-LISTENER-HANGS");
            await().atMost(TIMEOUT).until(() -> outcomes.of(hanging).size() == 1
                    && others.stream().allMatch(id -> outcomes.of(id).size() == 1));
        } finally {
            outcomes.release("REF-LISTENER-HANGS");
        }
    }

    @Test
    void whileTheCircuitIsOpenAMessageIsNeverSentPastTheProtocolsBound() throws Exception {
        // CB03's circuit opens after 4 calls and stays open 2 days (test configuration)
        PartnerStub stub = PartnerStub.start();
        try {
            TestPartners.put("CB03", stub);
            stub.replyWith(request -> Reply.status(500));
            List<Long> failing = IntStream.range(0, 4).mapToObj(i -> enqueue("CB03", "REF-BOUND-" + i)).toList();
            failing.forEach(id -> awaitRecord(id, r -> r.attempts() == 1 && r.status() == PENDING));
            long waiting = enqueue("CB03", "REF-BOUND-WAIT");
            stub.replyOk();

            advance(Duration.ofHours(12));
            assertThat(record(waiting).status()).isEqualTo(PENDING);
            advance(Duration.ofHours(12));
            clock.advance(Duration.ofDays(2));
            advance(Duration.ofSeconds(1));

            // past its 24 hours: failed, never sent, whatever the circuit did meanwhile
            DeliveryRecord failed = awaitStatus(waiting, FAILED);
            assertThat(failed.attempts()).isZero();
            assertThat(failed.lastError()).contains("24 h");
            failing.forEach(id -> awaitStatus(id, FAILED));
            assertThat(stub.received()).hasSize(4);
        } finally {
            stub.close();
        }
    }

    @Test
    void aResendNeverGoesBackInTheOrderOfASubjectsMessages() {
        Partner oc = partner();
        long m2 = enqueue(oc.code(), "M2", "REF-RESEND-ORDER", body("REF-RESEND-ORDER", "m2"));
        awaitStatus(m2, DELIVERED);
        long m4 = enqueue(oc.code(), "M4", "REF-RESEND-ORDER", body("REF-RESEND-ORDER", "m4"));
        awaitStatus(m4, DELIVERED);

        DeliveryRecord resent = transaction.execute(status -> deliveries.resend(m2)).orElseThrow();

        // the M4 goes again (it carries what the M2 did, and the end): never an M2 after the M4
        assertThat(resent.id()).isEqualTo(m4);
        await().atMost(TIMEOUT).until(() -> oc.stub().received().size() == 3 && record(m4).status() == DELIVERED);
        assertThat(bodies(oc.stub())).containsExactly(record(m2).payload(), record(m4).payload(), record(m4).payload());
        assertThat(record(m2).status()).isEqualTo(DELIVERED);
    }
}
