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
    private static final Instant DEBUT = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant FIN = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");

    private static WindowMessage m2(Instant debut, String... pbos) {
        return new WindowMessage("OI01", "REF", "PM-1", List.of(pbos), debut, null);
    }

    private static WindowMessage m4(Instant debut, Instant fin, String... pbos) {
        return new WindowMessage("OI01", "REF", "PM-1", List.of(pbos), debut, fin);
    }

    private static InterventionWindow fresh() {
        return InterventionWindow.unknown("OI01", "REF");
    }

    @Test
    void aFirstM2IsNewAndSchedulesNoM5() {
        InterventionWindow window = fresh();

        assertThat(window.receive(m2(DEBUT, "PT1"), NOW, FLUX3)).isEqualTo(Outcome.NEW);
        assertThat(window.debut()).isEqualTo(DEBUT);
        assertThat(window.m5DueAt()).isNull();
    }

    @Test
    void anM2AgainIsADuplicateWhateverThePboOrder() {
        InterventionWindow window = fresh();
        window.receive(m2(DEBUT, "PT1", "PT2"), NOW, FLUX3);

        assertThat(window.receive(m2(DEBUT, "PT2", "PT1"), NOW, FLUX3)).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void aDifferentM2Corrects() {
        InterventionWindow window = fresh();
        window.receive(m2(DEBUT, "PT1"), NOW, FLUX3);

        assertThat(window.receive(m2(DEBUT.minusSeconds(60), "PT1"), NOW, FLUX3)).isEqualTo(Outcome.CORRECTED);
        assertThat(window.debut()).isEqualTo(DEBUT.minusSeconds(60));
    }

    @Test
    void anM4WithoutM2IsNewAndSchedulesTheM5AfterTheSettlingDelay() {
        InterventionWindow window = fresh();

        assertThat(window.receive(m4(DEBUT, FIN), NOW, FLUX3)).isEqualTo(Outcome.NEW);
        assertThat(window.fin()).isEqualTo(FIN);
        assertThat(window.m5DueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anM4AfterM2IsNew() {
        InterventionWindow window = fresh();
        window.receive(m2(DEBUT), NOW, FLUX3);

        assertThat(window.receive(m4(DEBUT, FIN), NOW, FLUX3)).isEqualTo(Outcome.NEW);
    }

    @Test
    void anM4AgainIsADuplicateAndDoesNotMoveTheM5() {
        InterventionWindow window = fresh();
        window.receive(m4(DEBUT, FIN), NOW, FLUX3);

        assertThat(window.receive(m4(DEBUT, FIN), NOW.plusSeconds(60), FLUX3)).isEqualTo(Outcome.DUPLICATE);
        assertThat(window.m5DueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aCorrectedM4MovesTheWindowAndSchedulesTheM5Again() {
        InterventionWindow window = fresh();
        window.receive(m4(DEBUT, FIN), NOW, FLUX3);
        Instant later = NOW.plus(Duration.ofMinutes(20));

        assertThat(window.receive(m4(DEBUT, FIN.plusSeconds(600)), later, FLUX3)).isEqualTo(Outcome.CORRECTED);
        assertThat(window.fin()).isEqualTo(FIN.plusSeconds(600));
        assertThat(window.m5DueAt()).isEqualTo(later.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anM2AfterM4ChangesNothing() {
        InterventionWindow window = fresh();
        window.receive(m4(DEBUT, FIN, "PT1"), NOW, FLUX3);

        assertThat(window.receive(m2(DEBUT.minusSeconds(600), "PT9"), NOW, FLUX3)).isEqualTo(Outcome.IGNORED);
        assertThat(window.debut()).isEqualTo(DEBUT);
        assertThat(window.fin()).isEqualTo(FIN);
        assertThat(window.pbos()).containsExactly("PT1");
    }

    @Test
    void outOfFluxThreeNoM5IsEverScheduled() {
        InterventionWindow window = fresh();

        window.receive(m4(DEBUT, FIN), NOW, new M5Timing(false, Duration.ofMinutes(15), Duration.ofMinutes(5),
                ZoneId.of("Europe/Paris")));

        assertThat(window.m5DueAt()).isNull();
    }
}
