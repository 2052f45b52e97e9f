package fr.eintervention.delivery;

import static fr.eintervention.delivery.DeliveryStatus.DELIVERED;
import static fr.eintervention.delivery.DeliveryStatus.PENDING;
import static fr.eintervention.delivery.DeliveryStatus.SENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.testapp.DeliveryTestApplication;
import fr.eintervention.testsupport.MovableClock;
import fr.eintervention.delivery.testapp.RecordingListener;
import fr.eintervention.delivery.testapp.TestPartners;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestPostgres;

/** Several instances of a service on one database, stopped and restarted. */
class MultiInstanceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String database = TestPostgres.get().newDatabase("multi");
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final PartnerStub stub = PartnerStub.start();
    private final List<PartnerStub> blockers = new ArrayList<>();
    private final String partner = TestPartners.add(stub);
    /** how many times the partner received each subject */
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    MultiInstanceTest() {
        stub.replyWith(request -> {
            String subject = JsonHttp.parse(request.body()).get("Ref_Interv_OI").asString();
            received.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
            return PartnerStub.Reply.ok();
        });
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        stub.close();
        blockers.forEach(PartnerStub::close);
    }

    /**
     * Delivery is at least once: a message is sent again when its instance dies mid-send (the
     * tests below). While both run, their claims never overlap: none is sent twice.
     */
    @Test
    void twoRunningInstancesShareTheMessagesWithoutSendingAnyTwice() {
        ConfigurableApplicationContext one = start("one");
        ConfigurableApplicationContext two = start("two");

        // both queue, in transactions of 50 messages, as two instances behind a load balancer would
        for (int batch = 0; batch < 20; batch++) {
            enqueue(batch % 2 == 0 ? one : two, IntStream.range(batch * 50, batch * 50 + 50).mapToObj(i -> "REF-" + i).toList());
        }

        await().atMost(TIMEOUT).until(() -> count(one, DELIVERED) == 1000);
        assertThat(received).hasSize(1000);
        assertThat(received.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
        // each outcome recorded by the service of one instance, once (the reports follow the deliveries)
        RecordingListener ofOne = one.getBean(RecordingListener.class);
        RecordingListener ofTwo = two.getBean(RecordingListener.class);
        await().atMost(TIMEOUT).until(() -> ofOne.count() + ofTwo.count() >= 1000);
        int byOne = ofOne.count();
        int byTwo = ofTwo.count();
        assertThat(byOne + byTwo).isEqualTo(1000);
        assertThat(byOne).as("instance one took part").isPositive();
        assertThat(byTwo).as("instance two took part").isPositive();
    }

    @Test
    void messagesBeingSentByAStoppingInstanceAreHandedBackWhenItStops() {
        stub.hang();
        ConfigurableApplicationContext one = start("one", "eintervention.delivery.partner-defaults.max-concurrent-calls=10");
        List<String> subjects = IntStream.range(0, 10).mapToObj(i -> "REF-STOP-" + i).toList();
        enqueue(one, subjects);
        await().atMost(TIMEOUT).until(() -> count(one, SENDING) == 10);

        one.close(); // its calls cut short after its shutdown timeout
        ConfigurableApplicationContext two = start("two");
        assertThat(count(two, SENDING, "one")).as("handed back: none left held by the stopped instance").isZero();
        stub.release();

        await().atMost(TIMEOUT).until(() -> count(two, DELIVERED) == 10);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
    }

    @Test
    void messagesTakenAsTheyWereQueuedByAnInstanceThatStopsBeforeSendingThemAreHandedBackAtOnce() {
        ConfigurableApplicationContext one = start("one", "eintervention.delivery.worker-threads=2",
                "eintervention.delivery.partner-defaults.max-concurrent-calls=1", "eintervention.delivery.shutdown-timeout=1s");
        // two hanging partners hold both workers (messages start in the order committed): the next
        // messages wait in the instance, taken but not sent
        for (int i = 0; i < 2; i++) {
            PartnerStub blocker = PartnerStub.start().hang();
            blockers.add(blocker);
            String code = TestPartners.add(blocker);
            one.getBean(TransactionTemplate.class).executeWithoutResult(status -> one.getBean(Outbox.class).enqueue(
                    new OutboundMessage(code, "M2", "REF-BLOCK", DeliveryTestSupport.PATH, DeliveryTestSupport.body("REF-BLOCK", "v1"))));
        }
        List<String> subjects = IntStream.range(0, 10).mapToObj(i -> "REF-TAKEN-" + i).toList();
        enqueue(one, subjects);
        assertThat(count(one, SENDING)).as("taken by the instance that queued them").isEqualTo(10);
        assertThat(count(one, PENDING)).isZero();

        one.close();
        assertThat(received).isEmpty();
        ConfigurableApplicationContext two = start("two");

        await().atMost(TIMEOUT).until(() -> count(two, DELIVERED) == 10);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(received.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
        blockers.forEach(PartnerStub::release);
    }

    @Test
    void messagesHeldByAnInstanceThatDiedAreTakenOverOnceItsHeartbeatLapses() throws Exception {
        ConfigurableApplicationContext two = start("two");
        MovableClock clock = two.getBean(MovableClock.class);
        List<String> subjects = IntStream.range(0, 10).mapToObj(i -> "REF-DEAD-" + i).toList();
        enqueue(two, subjects);
        await().atMost(TIMEOUT).until(() -> count(two, DELIVERED) == 10);
        received.clear();
        // as a killed instance leaves them: SENDING, claimed longer ago than a lease, its last heartbeat still running
        JdbcClient database = JdbcClient.create(two.getBean(DataSource.class));
        database.sql("""
                update delivery_message set status = 'SENDING', lease_owner = 'dead', lease_until = :now, delivered_at = null
                where subject like 'REF-DEAD-%'""")
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        database.sql("insert into delivery_instance (owner, started_at, alive_until) values ('dead', :now, :until)")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("until", java.sql.Timestamp.from(clock.instant().plusSeconds(6))).update();
        two.getBean(DeliveryEngine.class).pollNow();
        assertThat(count(two, SENDING, "dead")).as("its heartbeat runs yet").isEqualTo(10);

        clock.advance(Duration.ofSeconds(6));

        await().atMost(TIMEOUT).until(() -> count(two, DELIVERED) == 10);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
    }

    @Test
    void anInstanceWhoseHoldLapsedWhileItLivesKeepsItsMessagesAndSendsEachOnce() throws Exception {
        stub.hang();
        ConfigurableApplicationContext one = start("one");
        MovableClock clock = one.getBean(MovableClock.class);
        enqueue(one, List.of("REF-LAPSED"));
        await().atMost(TIMEOUT).until(() -> count(one, SENDING, "one") == 1);

        // its heartbeat late (a machine starved of CPU, a slow database): its lease is behind the clock
        clock.advance(Duration.ofSeconds(30));
        one.getBean(DeliveryEngine.class).pollNow();
        assertThat(count(one, SENDING, "one")).as("not taken back by its own poll").isEqualTo(1);
        stub.release();

        await().atMost(TIMEOUT).until(() -> count(one, DELIVERED) == 1);
        assertThat(received.get("REF-LAPSED").get()).as("sent once").isEqualTo(1);
    }

    @Test
    void anInstanceKeepsItsHoldOnAMessageWhoseCallLastsLongerThanTheLease() {
        stub.hang();
        ConfigurableApplicationContext one = start("one", "eintervention.delivery.lease-duration=1s");
        ConfigurableApplicationContext two = start("two", "eintervention.delivery.lease-duration=1s");
        enqueue(one, List.of("REF-LONG-CALL"));
        await().atMost(TIMEOUT).until(() -> count(one, SENDING, "one") == 1);

        // three leases long: renewed by one's heartbeat, never taken over by two
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> count(two, SENDING, "one") == 1);
        stub.release();

        await().atMost(TIMEOUT).until(() -> count(two, DELIVERED) == 1);
        assertThat(received.get("REF-LONG-CALL").get()).as("sent once").isEqualTo(1);
    }

    @Test
    void anOutcomeItsServiceHadNotRecordedWhenItsInstanceStoppedIsRecordedByAnother() {
        ConfigurableApplicationContext one = start("one", "eintervention.delivery.shutdown-timeout=1s");
        RecordingListener listenerOfOne = one.getBean(RecordingListener.class);
        listenerOfOne.hangOn("REF-HANDOFF");
        enqueue(one, List.of("REF-HANDOFF"));
        await().atMost(TIMEOUT).until(() -> count(one, DELIVERED) == 1 && listenerOfOne.calls() == 1);

        one.close(); // while its service records the outcome: interrupted, nothing recorded

        assertThat(listenerOfOne.count()).isZero();
        ConfigurableApplicationContext two = start("two");
        RecordingListener listenerOfTwo = two.getBean(RecordingListener.class);
        await().atMost(TIMEOUT).until(() -> listenerOfTwo.count() == 1);
        assertThat(listenerOfTwo.count()).isEqualTo(1);
        assertThat(received.get("REF-HANDOFF").get()).as("delivered once, reported after").isEqualTo(1);
    }

    @Test
    void aRestartedInstanceDrainsTheBacklog() {
        stub.down();
        ConfigurableApplicationContext one = start("one");
        List<String> subjects = IntStream.range(0, 20).mapToObj(i -> "REF-BACKLOG-" + i).toList();
        enqueue(one, subjects);
        await().atMost(TIMEOUT).until(() -> one.getBean(Deliveries.class).search(null, partner, PENDING, 0, 50).items()
                .stream().filter(message -> message.attempts() == 1).count() == 20);
        one.close();

        stub.up();
        ConfigurableApplicationContext two = start("two");
        two.getBean(MovableClock.class).advance(Duration.ofMinutes(1));

        await().atMost(TIMEOUT).until(() -> count(two, DELIVERED) == 20);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
    }

    private ConfigurableApplicationContext start(String instanceId, String... properties) {
        TestPostgres postgres = TestPostgres.get();
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(DeliveryTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + database, "spring.datasource.username=" + postgres.user(),
                        "spring.datasource.password=" + postgres.password(),
                        "eintervention.delivery.instance-id=" + instanceId)
                .properties(properties)
                .run();
        instances.add(instance);
        return instance;
    }

    private void enqueue(ConfigurableApplicationContext instance, List<String> subjects) {
        Outbox outbox = instance.getBean(Outbox.class);
        instance.getBean(TransactionTemplate.class).executeWithoutResult(status -> subjects.forEach(subject ->
                outbox.enqueue(new OutboundMessage(partner, "M2", subject, DeliveryTestSupport.PATH,
                        DeliveryTestSupport.body(subject, "v1")))));
    }

    /** Messages of the partner in that status held by that instance. */
    private long count(ConfigurableApplicationContext instance, DeliveryStatus status, String owner) {
        return JdbcClient.create(instance.getBean(DataSource.class))
                .sql("select count(*) from delivery_message where partner = :partner and status = :status and lease_owner = :owner")
                .param("partner", partner).param("status", status.name()).param("owner", owner).query(Long.class).single();
    }

    private long count(ConfigurableApplicationContext instance, DeliveryStatus status) {
        return instance.getBean(Deliveries.class).search(null, partner, status, 0, 1).total();
    }
}
