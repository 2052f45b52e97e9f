package fr.eintervention.dogateway.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.dogateway.intervention.SentDeclaration.Status;
import fr.eintervention.web.Conflict;

/** The rules of a technician's intervention at the DO (which of M1/M3 go, and when), without Spring nor database. */
class CapturedInterventionTest {

    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant END = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");
    private static final Duration CORRECTION_WINDOW = Duration.ofHours(72);
    private static final List<NatureEntry> RACC = List.of(new NatureEntry(1, "PT000123", "FI-1234-5678"));
    private static final List<NatureEntry> NO_ACTION = List.of(new NatureEntry(3, "PT000123", null));

    private static Content started() {
        return new Content("OI01", "FI-35238-0001", RACC, START, null, null);
    }

    private static Intervention begun(Content content) {
        return Intervention.begin("DO01-20261124-0001", "tech-1", "capture-1", content);
    }

    private static SentDeclaration answered(Kind kind, Status status, Instant at) {
        return new SentDeclaration(kind, 10 + kind.ordinal(), status, START, 1, null, at);
    }

    private static Intervention restored(Content content, SentDeclaration... declarations) {
        return Intervention.restore(1, "DO01-20261124-0001", "tech-1", "capture-1", content, List.of(declarations));
    }

    @Test
    void aStartSendsM1Only() {
        assertThat(begun(started()).toSend()).containsExactly(Kind.M1);
    }

    @Test
    void aStartWithItsEndSendsM1ThenM3() {
        assertThat(begun(started().withEnd(END, null)).toSend()).containsExactly(Kind.M1, Kind.M3);
    }

    @Test
    void theEndSendsM3WithTheFinalNaturesOrTheExpectedOnes() {
        Intervention expected = begun(started());
        Intervention told = begun(started());

        assertThat(expected.end(END, null)).isTrue();
        assertThat(told.end(END, NO_ACTION)).isTrue();

        assertThat(expected.toSend()).containsExactly(Kind.M1, Kind.M3);
        assertThat(expected.content().endNatures()).isEqualTo(RACC);
        assertThat(told.content().endNatures()).isEqualTo(NO_ACTION);
    }

    @Test
    void theSameEndPostedAgainChangesNothing() {
        Intervention intervention = restored(started().withEnd(END, NO_ACTION),
                answered(Kind.M1, Status.ACKNOWLEDGED, NOW), answered(Kind.M3, Status.QUEUED, null));

        assertThat(intervention.end(END, NO_ACTION)).isFalse();
        assertThat(intervention.end(END, null)).isFalse();
        assertThat(intervention.toSend()).isEmpty();
    }

    @Test
    void anotherEndOfAnEndedInterventionIsAConflict() {
        Intervention intervention = restored(started().withEnd(END, null),
                answered(Kind.M1, Status.ACKNOWLEDGED, NOW), answered(Kind.M3, Status.ACKNOWLEDGED, NOW));

        assertThatThrownBy(() -> intervention.end(END.plusSeconds(60), null)).isInstanceOf(Conflict.class);
        assertThat(intervention.content().end()).isEqualTo(END);
    }

    @Test
    void aQueuedDeclarationIsFollowedAndNoLongerToSend() {
        Intervention intervention = begun(started().withEnd(END, null));

        intervention.queued(Kind.M1, 42, NOW);

        assertThat(intervention.toSend()).containsExactly(Kind.M3);
        assertThat(intervention.declaration(Kind.M1)).hasValueSatisfying(declaration -> {
            assertThat(declaration.deliveryId()).isEqualTo(42);
            assertThat(declaration.status()).isEqualTo(Status.QUEUED);
        });
    }

    @Test
    void aCorrectionResendsWhatTheOiDidNotAcknowledgeM1First() {
        Intervention rejectedStart = restored(started().withEnd(END, null),
                answered(Kind.M1, Status.REJECTED, NOW), answered(Kind.M3, Status.REJECTED, NOW));
        Intervention rejectedEnd = restored(started().withEnd(END, null),
                answered(Kind.M1, Status.ACKNOWLEDGED, NOW), answered(Kind.M3, Status.FAILED, NOW));
        Content corrected = new Content("OI01", "FI-35238-0002", RACC, START, END, RACC);

        rejectedStart.correct(corrected, NOW, CORRECTION_WINDOW);
        rejectedEnd.correct(corrected, NOW, CORRECTION_WINDOW);

        assertThat(rejectedStart.toSend()).containsExactly(Kind.M1, Kind.M3);
        assertThat(rejectedEnd.toSend()).containsExactly(Kind.M3);
        assertThat(rejectedEnd.content()).isEqualTo(corrected);
    }

    @Test
    void nothingRejectedIsNothingToCorrect() {
        Intervention intervention = restored(started(), answered(Kind.M1, Status.ACKNOWLEDGED, NOW));

        assertThatThrownBy(() -> intervention.correct(started(), NOW, CORRECTION_WINDOW)).isInstanceOf(Conflict.class);
        assertThat(intervention.toSend()).isEmpty();
    }

    @Test
    void aRejectionIsCorrectableUntilTheWindowHasPassed() {
        Intervention inTime = restored(started(), answered(Kind.M1, Status.REJECTED, NOW));
        Intervention late = restored(started(), answered(Kind.M1, Status.REJECTED, NOW));

        inTime.correct(started(), NOW.plus(CORRECTION_WINDOW), CORRECTION_WINDOW);

        assertThat(inTime.toSend()).containsExactly(Kind.M1);
        assertThatThrownBy(() -> late.correct(started(), NOW.plus(CORRECTION_WINDOW).plusSeconds(1), CORRECTION_WINDOW))
                .isInstanceOf(Conflict.class);
        assertThat(late.toSend()).isEmpty();
    }
}
