package fr.eintervention.delivery;

import static fr.eintervention.delivery.DeliveryStatus.DELIVERED;
import static fr.eintervention.delivery.DeliveryStatus.FAILED;
import static fr.eintervention.delivery.DeliveryStatus.PENDING;
import static fr.eintervention.delivery.DeliveryStatus.REJECTED;
import static fr.eintervention.delivery.DeliveryStatus.SENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.eintervention.delivery.testapp.TestPartners;
import fr.eintervention.delivery.testapp.TestRenderer;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub.Reply;

class DeliveriesTest extends DeliveryTestSupport {

    private static final Reply KO = Reply.ko(400, 1, "CHAMPS_NON_RENSEIGNE", "champs manquants: PM");

    @Autowired
    TestRenderer renderer;
    @Autowired
    MeterRegistry meters;

    @Test
    void listsTheMessagesOfASubjectOldestFirst() {
        Partner oc1 = partner();
        Partner oc2 = partner();
        long first = enqueue(oc1.code(), "REF-LIST");
        long second = enqueue(oc2.code(), "REF-LIST");
        awaitStatus(first, DELIVERED);
        awaitStatus(second, DELIVERED);

        assertThat(deliveries.bySubject("REF-LIST")).extracting(DeliveryRecord::id).containsExactly(first, second);
        assertThat(deliveries.bySubjectAndPartner("REF-LIST", oc2.code())).extracting(DeliveryRecord::id).containsExactly(second);
    }

    @Test
    void retentionDeletesOldFinishedMessagesAndKeepsPendingOnes() {
        Partner delivering = partner();
        Partner down = partner();
        down.stub().down();
        long delivered = enqueue(delivering.code(), "REF-PURGE");
        long pending = enqueue(down.code(), "REF-PURGE");
        awaitStatus(delivered, DELIVERED);
        await().until(() -> deliveries.byId(pending).orElseThrow().attempts() >= 1);
        Instant later = clock.instant().plusSeconds(1);

        assertThat(deliveries.purgeFinishedBefore(later)).isGreaterThanOrEqualTo(1);

        assertThat(deliveries.byId(delivered)).isEmpty();
        assertThat(deliveries.byId(pending)).isPresent();
        down.stub().up();
    }

    @Test
    void resendsARejectedMessageWithAFreshRetrySchedule() {
        Partner oc = partner();
        oc.stub().replyWith(request -> KO);
        long id = enqueue(oc.code(), "REF-RESEND");
        awaitStatus(id, REJECTED);
        oc.stub().replyOk();

        DeliveryRecord queued = deliveries.resend(id).orElseThrow();

        assertThat(queued.status()).isEqualTo(PENDING);
        assertThat(queued.attempts()).isZero();
        assertThat(awaitStatus(id, DELIVERED).attempts()).isEqualTo(1);
        assertThat(oc.stub().received()).hasSize(2);
        assertThat(deliveries.resend(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void resendRendersTheBodyFromCurrentDataWhenTheServiceCan() {
        Partner oi = partner();
        oi.stub().replyWith(request -> KO);
        long id = enqueue(oi.code(), "M3", "REF-RENDER", body("REF-RENDER", "v1"));
        awaitStatus(id, REJECTED);
        oi.stub().replyOk();
        renderer.set("REF-RENDER", body("REF-RENDER", "corrected"));

        deliveries.resend(id);

        DeliveryRecord delivered = awaitStatus(id, DELIVERED);
        assertThat(JsonHttp.parse(delivered.payload())).isEqualTo(JsonHttp.parse(JsonHttp.write(body("REF-RENDER", "corrected"))));
        assertThat(bodies(oi.stub())).last().isEqualTo(delivered.payload());
    }

    @Test
    void aMessageBeingSentCannotBeResent() {
        Partner oc = partner();
        oc.stub().hang();
        long id = enqueue(oc.code(), "REF-BUSY");
        awaitStatus(id, SENDING);

        assertThatThrownBy(() -> deliveries.resend(id)).isInstanceOf(Deliveries.NotResendableException.class);
        oc.stub().release();
        awaitStatus(id, DELIVERED);
    }

    @Test
    void resendsEveryFailedAndRejectedMessageOfAPartner() {
        Partner oc = partner();
        Partner other = partner();
        long delivered = enqueue(oc.code(), "REF-ALL-1");
        awaitStatus(delivered, DELIVERED);
        oc.stub().replyWith(request -> KO);
        other.stub().replyWith(request -> KO);
        long rejected = enqueue(oc.code(), "REF-ALL-2");
        long otherRejected = enqueue(other.code(), "REF-ALL-3");
        awaitStatus(rejected, REJECTED);
        awaitStatus(otherRejected, REJECTED);
        TestPartners.remove(oc.code());
        long failed = enqueue(oc.code(), "REF-ALL-4");
        awaitStatus(failed, FAILED);
        TestPartners.put(oc.code(), oc.stub());
        oc.stub().replyOk();

        int requeued = deliveries.resendAll(oc.code(), null, null, EnumSet.of(FAILED, REJECTED));

        assertThat(requeued).isEqualTo(2);
        awaitStatus(rejected, DELIVERED);
        awaitStatus(failed, DELIVERED);
        assertThat(record(delivered).attempts()).isEqualTo(1);
        assertThat(record(otherRejected).status()).isEqualTo(REJECTED);
        assertThat(oc.stub().received()).hasSize(4);
    }

    @Test
    void resendsTheRejectedMessagesOfAPeriod() throws Exception {
        Partner oc = partner();
        oc.stub().replyWith(request -> KO);
        List<Long> ids = new ArrayList<>();
        for (int hour = 0; hour < 3; hour++) {
            long id = enqueue(oc.code(), "REF-PERIOD-" + hour);
            awaitStatus(id, REJECTED);
            ids.add(id);
            advance(Duration.ofHours(1));
        }
        oc.stub().replyOk();
        Instant middle = record(ids.get(1)).createdAt();

        int requeued = deliveries.resendAll(null, middle.minusSeconds(60), middle.plusSeconds(60), EnumSet.of(FAILED, REJECTED));

        assertThat(requeued).isEqualTo(1);
        awaitStatus(ids.get(1), DELIVERED);
        assertThat(record(ids.get(0)).status()).isEqualTo(REJECTED);
        assertThat(record(ids.get(2)).status()).isEqualTo(REJECTED);
    }

    @Test
    void tellsThePartnersBacklog() throws Exception {
        Partner oc = partner();
        oc.stub().replyWith(request -> KO);
        awaitStatus(enqueue(oc.code(), "REF-BACKLOG-1"), REJECTED);
        TestPartners.remove(oc.code());
        awaitStatus(enqueue(oc.code(), "REF-BACKLOG-2"), FAILED);
        TestPartners.put(oc.code(), oc.stub());
        oc.stub().down();
        long oldestPending = enqueue(oc.code(), "REF-BACKLOG-3");
        long pending = enqueue(oc.code(), "REF-BACKLOG-4");
        awaitRecord(oldestPending, r -> r.attempts() == 1);
        awaitRecord(pending, r -> r.attempts() == 1);

        advance(Duration.ofMinutes(10));

        PartnerBacklog backlog = deliveries.backlog().stream().filter(b -> b.partner().equals(oc.code())).findFirst().orElseThrow();
        assertThat(backlog.pending()).isEqualTo(2);
        assertThat(backlog.failed()).isEqualTo(1);
        assertThat(backlog.rejected()).isEqualTo(1);
        assertThat(backlog.oldestPendingCreatedAt()).isEqualTo(record(oldestPending).createdAt());
        assertThat(backlog.oldestPendingAgeSeconds()).isBetween(600L, 660L);
        // the gauges follow at the next poll
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(meters.get("eintervention.delivery.pending").tag("partner", oc.code()).gauge().value()).isEqualTo(2);
            assertThat(meters.get("eintervention.delivery.failed").tag("partner", oc.code()).gauge().value()).isEqualTo(1);
            assertThat(meters.get("eintervention.delivery.oldest.pending.age").tag("partner", oc.code()).gauge().value())
                    .isGreaterThanOrEqualTo(600);
        });
    }
}
