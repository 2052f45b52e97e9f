package fr.eintervention.oi.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.intervention.Intervention.Notification;

/** The OI's decision table for M1/M3, without Spring nor database. */
class ReceivedInterventionTest {

    private static final Duration LATE = Duration.ofMinutes(30);
    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant END = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");
    private static final List<NatureEntry> TWO = List.of(new NatureEntry(1, "PT1", "FI-1"), new NatureEntry(2, "PT2", null));

    private static Declaration m1(Instant start, List<NatureEntry> natures) {
        return new Declaration("DO01", "OI01", "REF-DO", "PM-1", natures, start, null);
    }

    private static Declaration m3(Instant start, Instant end) {
        return new Declaration("DO01", "OI01", "REF-DO", "PM-1", TWO, start, end);
    }

    private static Intervention fresh() {
        return Intervention.unknown("OI01-REF", "DO01", "REF-DO");
    }

    @Test
    void aFirstM1IsNewAndNotifiesM2() {
        Intervention intervention = fresh();

        assertThat(intervention.receive(m1(START, TWO), START.plusSeconds(60), LATE)).isEqualTo(DeclarationOutcome.NEW);
        assertThat(intervention.start()).isEqualTo(START);
        assertThat(intervention.isEnded()).isFalse();
        assertThat(intervention.startReceived()).isTrue();
        assertThat(intervention.notifications()).containsExactly(Notification.M2);
    }

    @Test
    void anM1ReceivedLongAfterItsStartIsFlaggedLate() {
        Intervention onTime = fresh();
        Intervention late = fresh();

        onTime.receive(m1(START, TWO), START.plus(LATE), LATE);
        late.receive(m1(START, TWO), START.plus(LATE).plusSeconds(1), LATE);

        assertThat(onTime.lateStart()).isFalse();
        assertThat(late.lateStart()).isTrue();
    }

    @Test
    void theSameM1AgainIsADuplicateWhateverTheTripletOrder() {
        Intervention intervention = fresh();
        intervention.receive(m1(START, TWO), NOW, LATE);

        assertThat(intervention.receive(m1(START, List.of(TWO.get(1), TWO.get(0))), NOW, LATE))
                .isEqualTo(DeclarationOutcome.DUPLICATE);
        assertThat(intervention.notifications()).containsExactly(Notification.M2);
    }

    @Test
    void aDifferentM1CorrectsAndNotifiesM2Again() {
        Intervention intervention = fresh();
        intervention.receive(m1(START, TWO), NOW, LATE);

        assertThat(intervention.receive(m1(START.minusSeconds(60), TWO), NOW, LATE)).isEqualTo(DeclarationOutcome.CORRECTED);
        assertThat(intervention.start()).isEqualTo(START.minusSeconds(60));
        assertThat(intervention.notifications()).containsExactly(Notification.M2, Notification.M2);
    }

    @Test
    void anM3RecordsTheEndAndNotifiesM4() {
        Intervention intervention = fresh();
        intervention.receive(m1(START, TWO), NOW, LATE);

        assertThat(intervention.receive(m3(START, END), NOW, LATE)).isEqualTo(DeclarationOutcome.NEW);
        assertThat(intervention.end()).isEqualTo(END);
        assertThat(intervention.notifications()).containsExactly(Notification.M2, Notification.M4);
    }

    @Test
    void anM3BeforeAnyM1CreatesTheInterventionWithBothTimesAndOnlyM4() {
        Intervention intervention = fresh();

        assertThat(intervention.receive(m3(START, END), NOW, LATE)).isEqualTo(DeclarationOutcome.NEW);
        assertThat(intervention.start()).isEqualTo(START);
        assertThat(intervention.end()).isEqualTo(END);
        assertThat(intervention.startReceived()).isFalse();
        assertThat(intervention.notifications()).containsExactly(Notification.M4);
    }

    @Test
    void anM3AgainIsADuplicateAndADifferentOneCorrects() {
        Intervention intervention = fresh();
        intervention.receive(m3(START, END), NOW, LATE);

        assertThat(intervention.receive(m3(START, END), NOW, LATE)).isEqualTo(DeclarationOutcome.DUPLICATE);
        assertThat(intervention.receive(m3(START, END.plusSeconds(600)), NOW, LATE)).isEqualTo(DeclarationOutcome.CORRECTED);
        assertThat(intervention.end()).isEqualTo(END.plusSeconds(600));
        assertThat(intervention.notifications()).containsExactly(Notification.M4, Notification.M4);
    }

    @Test
    void anM1AfterTheM3OverwritesNothingAndNotifiesNobody() {
        Intervention intervention = fresh();
        intervention.receive(m3(START, END), NOW, LATE);

        assertThat(intervention.receive(m1(START.minusSeconds(600), List.of(new NatureEntry(2, "PT9", null))), NOW, LATE))
                .isEqualTo(DeclarationOutcome.IGNORED);
        assertThat(intervention.start()).isEqualTo(START);
        assertThat(intervention.natures()).isEqualTo(TWO);
        assertThat(intervention.startReceived()).isTrue();
        assertThat(intervention.lateStart()).isFalse();
        assertThat(intervention.notifications()).containsExactly(Notification.M4);
    }

    @Test
    void aCorrectedPmRemembersWhereTheInterventionWasAndItsPbos() {
        Intervention intervention = fresh();
        intervention.receive(m1(START, TWO), NOW, LATE);

        intervention.receive(new Declaration("DO01", "OI01", "REF-DO", "PM-2", TWO, START, null), NOW, LATE);

        assertThat(intervention.pm()).isEqualTo("PM-2");
        assertThat(intervention.movedFrom()).hasValue(new Intervention.Move("PM-1", START, List.of("PT1", "PT2")));
    }

    @Test
    void theOcsAreToldThePbosOnlyOnceEach() {
        Intervention intervention = fresh();
        intervention.receive(m1(START, List.of(new NatureEntry(1, "PT1", "FI-1"), new NatureEntry(2, "PT1", "FI-2"),
                new NatureEntry(4, null, null))), NOW, LATE);

        assertThat(intervention.pbos()).containsExactly("PT1");
    }
}
