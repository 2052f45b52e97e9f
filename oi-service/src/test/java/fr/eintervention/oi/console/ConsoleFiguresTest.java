package fr.eintervention.oi.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.delivery.PartnerActivity;
import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.oi.consultation.Consultation;
import fr.eintervention.oi.consultation.DayFigures;
import fr.eintervention.oi.consultation.DayWatch;
import fr.eintervention.oi.consultation.InterventionFilter;
import fr.eintervention.oi.consultation.M5Figures;

/** The figures the console shows, from the application services: today's, the M5 owed per OC, the outbox pages. */
class ConsoleFiguresTest extends OiServiceTestSupport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Consultation consultation;
    @Autowired
    DayWatch watch;
    @Autowired
    Deliveries deliveries;

    private String declareAt(String refDo, OffsetDateTime start, OffsetDateTime end) {
        String refOi = declare(m1(refDo, "FI-35238-0001", start.toString())).text("Ref_Interv_OI");
        if (end != null) {
            declare("""
                    {"Code_DO":"DO01","Code_OI":"OI01","Ref_Interv_DO":"%s","PM":"FI-35238-0001",
                     "Nature_PBO_PTO":[{"nature":3,"PBO":"PT000123","PTO":"FI-1234-5678"}],
                     "Debut_Inter":"%s","Fin_Inter":"%s"}""".formatted(refDo, start, end));
        }
        return refOi;
    }

    private Map<String, M5Figures> m5() {
        return watch.m5Figures(watch.startOfDay(-1), watch.startOfDay(1)).stream()
                .collect(Collectors.toMap(M5Figures::oc, figures -> figures));
    }

    @Test
    void anM5NotReceivedIsAwaitedTheDayTheInterventionEndsAndMissingAfter() {
        OffsetDateTime yesterday = watch.startOfDay(-1).atZone(PARIS).toOffsetDateTime().plusHours(9);
        OffsetDateTime now = OffsetDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, M5Figures> before = m5();
        DayFigures dayBefore = watch.dayFigures(watch.startOfDay(0), watch.startOfDay(1));

        String endedYesterday = declareAt(newRef(), yesterday, yesterday.plusHours(1));
        declareAt(newRef(), now, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox(endedYesterday).stream()
                .filter(message -> "M4".equals(message.get("kind")) && "DELIVERED".equals(message.get("status"))).count() == 2);
        // OC01 reports on the intervention that ended yesterday (no customer down)
        assertThat(asOc("OC01").post("/v1/client_HS_OC_Par_Inter", """
                {"Code_OC_impacte":"OC01","Ref_Interv_OI":"%s"}""".formatted(endedYesterday))
                .status()).isEqualTo(200);

        Map<String, M5Figures> after = m5();
        // OC01: two expected, one received, today's awaited; OC02: two expected, yesterday's missing, today's awaited
        assertThat(after.get("OC01").expected() - expected(before, "OC01")).isEqualTo(2);
        assertThat(after.get("OC01").received() - received(before, "OC01")).isEqualTo(1);
        assertThat(after.get("OC01").missing() - missing(before, "OC01")).isZero();
        assertThat(after.get("OC02").expected() - expected(before, "OC02")).isEqualTo(2);
        assertThat(after.get("OC02").missing() - missing(before, "OC02")).isEqualTo(1);
        assertThat(after.get("OC02").awaited() - awaited(before, "OC02")).isEqualTo(1);

        DayFigures day = watch.dayFigures(watch.startOfDay(0), watch.startOfDay(1));
        assertThat(day.started() - dayBefore.started()).isEqualTo(1);
        assertThat(day.open() - dayBefore.open()).isEqualTo(1);
    }

    @Test
    void todaysActivityPerOcAndTheOutboxPagedByKeyWithTheCountOfReSendable() {
        OCS.get("OC02").replyWith(request -> fr.eintervention.testsupport.PartnerStub.Reply.ko(404, 4, "PM_INCONNU", "PM inconnu"));
        Instant midnight = watch.startOfDay(0);
        long rejectedBefore = activity("OC02").rejected();
        long resendableBefore = deliveries.countResendable("OC02", midnight, null, EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.REJECTED));

        String refOi = declareAt(newRef(), OffsetDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> activity("OC02").rejected() == rejectedBefore + 1);

        assertThat(deliveries.countResendable("OC02", midnight, null, EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.REJECTED)))
                .isEqualTo(resendableBefore + 1);
        List<DeliveryRecord> first = deliveries.browse("OC02", DeliveryStatus.REJECTED, midnight, null, null, 1);
        assertThat(first).singleElement().satisfies(message -> assertThat(message.subject()).isEqualTo(refOi));
        assertThat(deliveries.browse("OC02", DeliveryStatus.REJECTED, midnight, null, first.get(0).id(), 10))
                .allMatch(message -> message.id() < first.get(0).id());
        assertThat(consultation.interventions(new InterventionFilter(null, null, null, null, null, refOi), 0, 10).items())
                .singleElement().satisfies(found -> assertThat(found.refIntervOi()).isEqualTo(refOi));
    }

    private PartnerActivity activity(String oc) {
        return deliveries.activitySince(watch.startOfDay(0)).stream().filter(a -> a.partner().equals(oc)).findFirst()
                .orElse(new PartnerActivity(oc, 0, 0, 0, 0, null));
    }

    private static long expected(Map<String, M5Figures> figures, String oc) {
        return figures.containsKey(oc) ? figures.get(oc).expected() : 0;
    }

    private static long received(Map<String, M5Figures> figures, String oc) {
        return figures.containsKey(oc) ? figures.get(oc).received() : 0;
    }

    private static long missing(Map<String, M5Figures> figures, String oc) {
        return figures.containsKey(oc) ? figures.get(oc).missing() : 0;
    }

    private static long awaited(Map<String, M5Figures> figures, String oc) {
        return figures.containsKey(oc) ? figures.get(oc).awaited() : 0;
    }
}
