package fr.eintervention.oc.intervention;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One intervention as an OC learns it from an OI: where and when a technician worked, identified
 * by ({@code Code_OI}, {@code Ref_Interv_OI}). The rules of M2/M4 reception live here:
 * <ul>
 * <li>a duplicate changes nothing; a corrected re-emission updates;</li>
 * <li>an M4 without M2 is a whole intervention;</li>
 * <li>an M2 after M4 changes nothing, not even {@code Debut_Inter}: the M4 carries the final
 * window, and an earlier M2 delivered late must not undo it;</li>
 * <li>every first or corrected M4 schedules the M5 ({@link M5Timing}): before the M5 is sent
 * this just moves it; after, it calls for a corrected M5, which replaces the first at the OI.</li>
 * </ul>
 */
class InterventionWindow {

    private Long id;
    private final String codeOi;
    private final String refOi;
    private String pm;
    private List<String> pbos = List.of();
    private Instant debut;
    private Instant fin;
    private Instant m4ReceivedAt;
    private Instant m5DueAt;

    static InterventionWindow unknown(String codeOi, String refOi) {
        return new InterventionWindow(null, codeOi, refOi);
    }

    static InterventionWindow restore(long id, String codeOi, String refOi, String pm, List<String> pbos,
            Instant debut, Instant fin, Instant m4ReceivedAt, Instant m5DueAt) {
        InterventionWindow window = new InterventionWindow(id, codeOi, refOi);
        window.pm = pm;
        window.pbos = List.copyOf(pbos);
        window.debut = debut;
        window.fin = fin;
        window.m4ReceivedAt = m4ReceivedAt;
        window.m5DueAt = m5DueAt;
        return window;
    }

    private InterventionWindow(Long id, String codeOi, String refOi) {
        this.id = id;
        this.codeOi = codeOi;
        this.refOi = refOi;
    }

    /** Applies an accepted M2 or M4 received at {@code receivedAt}. */
    Outcome receive(WindowMessage message, Instant receivedAt, M5Timing timing) {
        return message.isEnd() ? end(message, receivedAt, timing) : start(message);
    }

    private Outcome start(WindowMessage m2) {
        if (isUnknown()) {
            apply(m2);
            return Outcome.NEW;
        }
        if (isEnded()) {
            return Outcome.IGNORED;
        }
        if (sameContent(m2)) {
            return Outcome.DUPLICATE;
        }
        apply(m2);
        return Outcome.CORRECTED;
    }

    private Outcome end(WindowMessage m4, Instant receivedAt, M5Timing timing) {
        Outcome outcome;
        if (!isEnded()) {
            outcome = Outcome.NEW;
        } else if (sameContent(m4)) {
            return Outcome.DUPLICATE;
        } else {
            outcome = Outcome.CORRECTED;
        }
        apply(m4);
        m4ReceivedAt = receivedAt;
        m5DueAt = timing.dueAt(receivedAt, fin);
        return outcome;
    }

    private void apply(WindowMessage message) {
        pm = message.pm();
        pbos = List.copyOf(message.pbos());
        debut = message.debut();
        fin = message.fin();
    }

    /** Every business field, timestamps as instants, PBO order ignored. */
    private boolean sameContent(WindowMessage message) {
        return pm.equals(message.pm()) && debut.equals(message.debut()) && Objects.equals(fin, message.fin())
                && new HashSet<>(pbos).equals(new HashSet<>(message.pbos()));
    }

    boolean isUnknown() {
        return debut == null;
    }

    boolean isEnded() {
        return fin != null;
    }

    Long id() {
        return id;
    }

    void assignId(long id) {
        this.id = id;
    }

    String codeOi() {
        return codeOi;
    }

    String refOi() {
        return refOi;
    }

    String pm() {
        return pm;
    }

    List<String> pbos() {
        return pbos;
    }

    Instant debut() {
        return debut;
    }

    Instant fin() {
        return fin;
    }

    Instant m4ReceivedAt() {
        return m4ReceivedAt;
    }

    /** When the M5 is due; {@code null} when none is waiting. */
    Instant m5DueAt() {
        return m5DueAt;
    }
}
