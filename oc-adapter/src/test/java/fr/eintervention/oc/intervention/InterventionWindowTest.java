package fr.eintervention.oc.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules of M2/M4 reception, without Spring nor database. */
class InterventionWindowTest {

    private static final M5Timing FLUX3 = new M5Timing(true, Duration.ofMinutes(15), Duration.ofMinutes(5),
            ZoneId.of("Europe/Paris"));
    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant END = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");

    private static WindowMessage m2(Instant start, String... pbos) {
        return new WindowMessage("OI01", "REF", "PM-1", List.of(pbos), start, null, WindowMessage.Details.V1);
    }

    private static WindowMessage m4(Instant start, Instant end, String... pbos) {
        return new WindowMessage("OI01", "REF", "PM-1", List.of(pbos), start, end, WindowMessage.Details.V1);
    }

    private static InterventionWindow fresh() {
        return InterventionWindow.unknown("OI01", "REF");
    }

    @Test
    void aFirstM2IsNewAndSchedulesNoM5() {
        InterventionWindow window = fresh();

        assertThat(window.receive(m2(START, "PT1"), NOW, FLUX3)).isEqualTo(WindowOutcome.NEW);
        assertThat(window.start()).isEqualTo(START);
        assertThat(window.m5DueAt()).isNull();
    }

    @Test
    void anM2AgainIsADuplicateWhateverThePboOrder() {
        InterventionWindow window = fresh();
        window.receive(m2(START, "PT1", "PT2"), NOW, FLUX3);

        assertThat(window.receive(m2(START, "PT2", "PT1"), NOW, FLUX3)).isEqualTo(WindowOutcome.DUPLICATE);
    }

    @Test
    void aDifferentM2Corrects() {
        InterventionWindow window = fresh();
        window.receive(m2(START, "PT1"), NOW, FLUX3);

        assertThat(window.receive(m2(START.minusSeconds(60), "PT1"), NOW, FLUX3)).isEqualTo(WindowOutcome.CORRECTED);
        assertThat(window.start()).isEqualTo(START.minusSeconds(60));
    }

    @Test
    void anM4WithoutM2IsNewAndSchedulesTheM5AfterTheSettlingDelay() {
        InterventionWindow window = fresh();

        assertThat(window.receive(m4(START, END), NOW, FLUX3)).isEqualTo(WindowOutcome.NEW);
        assertThat(window.end()).isEqualTo(END);
        assertThat(window.m5DueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anM4AfterM2IsNew() {
        InterventionWindow window = fresh();
        window.receive(m2(START), NOW, FLUX3);

        assertThat(window.receive(m4(START, END), NOW, FLUX3)).isEqualTo(WindowOutcome.NEW);
    }

    @Test
    void anM4AgainIsADuplicateAndDoesNotMoveTheM5() {
        InterventionWindow window = fresh();
        window.receive(m4(START, END), NOW, FLUX3);

        assertThat(window.receive(m4(START, END), NOW.plusSeconds(60), FLUX3)).isEqualTo(WindowOutcome.DUPLICATE);
        assertThat(window.m5DueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aCorrectedM4MovesTheWindowAndSchedulesTheM5Again() {
        InterventionWindow window = fresh();
        window.receive(m4(START, END), NOW, FLUX3);
        Instant later = NOW.plus(Duration.ofMinutes(20));

        assertThat(window.receive(m4(START, END.plusSeconds(600)), later, FLUX3)).isEqualTo(WindowOutcome.CORRECTED);
        assertThat(window.end()).isEqualTo(END.plusSeconds(600));
        assertThat(window.m5DueAt()).isEqualTo(later.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anM2AfterM4ChangesNothing() {
        InterventionWindow window = fresh();
        window.receive(m4(START, END, "PT1"), NOW, FLUX3);

        assertThat(window.receive(m2(START.minusSeconds(600), "PT9"), NOW, FLUX3)).isEqualTo(WindowOutcome.IGNORED);
        assertThat(window.start()).isEqualTo(START);
        assertThat(window.end()).isEqualTo(END);
        assertThat(window.pbos()).containsExactly("PT1");
    }

    @Test
    void outOfFluxThreeNoM5IsEverScheduled() {
        InterventionWindow window = fresh();

        window.receive(m4(START, END), NOW, new M5Timing(false, Duration.ofMinutes(15), Duration.ofMinutes(5),
                ZoneId.of("Europe/Paris")));

        assertThat(window.m5DueAt()).isNull();
    }

    private static WindowMessage.Details v2(String technique, String element, String description, Instant coldTest) {
        return new WindowMessage.Details("v2", technique, element, description, coldTest);
    }

    @Test
    void aV2EndWithoutPbosKeepsTheStartsPboAndWhatOnlyV2Carries() {
        InterventionWindow window = fresh();
        window.receive(new WindowMessage("OI01", "REF", "PM-1", List.of("PBO-1"), START, null,
                v2("PMT-1", "PBO", "boitier", null)), NOW, FLUX3);

        WindowOutcome outcome = window.receive(new WindowMessage("OI01", "REF", "PM-1", null, START, END,
                v2("PMT-1", null, null, END.plus(Duration.ofDays(15)))), NOW, FLUX3);

        assertThat(outcome).isEqualTo(WindowOutcome.NEW);
        assertThat(window.pbos()).containsExactly("PBO-1");
        assertThat(window.details()).isEqualTo(v2("PMT-1", "PBO", "boitier", END.plus(Duration.ofDays(15))));
        assertThat(window.m5DueAt()).isNotNull();
    }

    @Test
    void aV2M4AgainIsADuplicateAndAnotherColdTestDateACorrection() {
        InterventionWindow window = fresh();
        WindowMessage m4 = new WindowMessage("OI01", "REF", "PM-1", null, START, END, v2("PMT-1", null, null, END));
        window.receive(m4, NOW, FLUX3);

        assertThat(window.receive(m4, NOW, FLUX3)).isEqualTo(WindowOutcome.DUPLICATE);
        assertThat(window.receive(new WindowMessage("OI01", "REF", "PM-1", null, START, END,
                v2("PMT-1", null, null, END.plusSeconds(60))), NOW, FLUX3)).isEqualTo(WindowOutcome.CORRECTED);
    }

    @Test
    void aV1M4AfterAV2M2KeepsWhatV2Told() {
        InterventionWindow window = fresh();
        window.receive(new WindowMessage("OI01", "REF", "PM-1", List.of("PBO-1"), START, null,
                v2("PMT-1", "PTO", null, null)), NOW, FLUX3);

        window.receive(m4(START, END, "PBO-1"), NOW, FLUX3);

        assertThat(window.details()).isEqualTo(new WindowMessage.Details("v1", "PMT-1", "PTO", null, null));
    }
}
