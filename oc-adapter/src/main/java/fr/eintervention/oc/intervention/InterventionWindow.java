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
    private Instant start;
    private Instant end;
    private Instant m4ReceivedAt;
    private Instant m5DueAt;
    /** the version of the last message applied, and what v2 carries beyond v1 (kept once learnt) */
    private WindowMessage.Details details = WindowMessage.Details.V1;

    static InterventionWindow unknown(String codeOi, String refOi) {
        return new InterventionWindow(null, codeOi, refOi);
    }

    static InterventionWindow restore(long id, String codeOi, String refOi, String pm, List<String> pbos,
            Instant start, Instant end, Instant m4ReceivedAt, Instant m5DueAt, WindowMessage.Details details) {
        InterventionWindow window = new InterventionWindow(id, codeOi, refOi);
        window.pm = pm;
        window.pbos = List.copyOf(pbos);
        window.start = start;
        window.end = end;
        window.m4ReceivedAt = m4ReceivedAt;
        window.m5DueAt = m5DueAt;
        window.details = details;
        return window;
    }

    private InterventionWindow(Long id, String codeOi, String refOi) {
        this.id = id;
        this.codeOi = codeOi;
        this.refOi = refOi;
    }

    /** Applies an accepted M2 or M4 received at {@code receivedAt}. */
    WindowOutcome receive(WindowMessage message, Instant receivedAt, M5Timing timing) {
        return message.isEnd() ? receiveEnd(message, receivedAt, timing) : receiveStart(message);
    }

    private WindowOutcome receiveStart(WindowMessage m2) {
        if (isUnknown()) {
            apply(m2);
            return WindowOutcome.NEW;
        }
        if (isEnded()) {
            return WindowOutcome.IGNORED;
        }
        if (sameContent(m2)) {
            return WindowOutcome.DUPLICATE;
        }
        apply(m2);
        return WindowOutcome.CORRECTED;
    }

    private WindowOutcome receiveEnd(WindowMessage m4, Instant receivedAt, M5Timing timing) {
        WindowOutcome outcome;
        if (!isEnded()) {
            outcome = WindowOutcome.NEW;
        } else if (sameContent(m4)) {
            return WindowOutcome.DUPLICATE;
        } else {
            outcome = WindowOutcome.CORRECTED;
        }
        apply(m4);
        m4ReceivedAt = receivedAt;
        m5DueAt = timing.dueAt(receivedAt, end);
        return outcome;
    }

    private void apply(WindowMessage message) {
        pm = message.pm();
        if (message.pbos() != null) {
            pbos = List.copyOf(message.pbos());
        }
        start = message.start();
        end = message.end();
        WindowMessage.Details given = message.details();
        details = new WindowMessage.Details(given.version(), or(given.refPmTechnique(), details.refPmTechnique()),
                or(given.elementReseau(), details.elementReseau()), or(given.description(), details.description()),
                or(given.dateTestFinFroid(), details.dateTestFinFroid()));
    }

    private static <T> T or(T given, T known) {
        return given != null ? given : known;
    }

    /**
     * Every business field, timestamps as instants, PBO order ignored; a field the message does
     * not carry (a v2 M4's PBOs, v2's details in v1) is not compared.
     */
    private boolean sameContent(WindowMessage message) {
        WindowMessage.Details given = message.details();
        return pm.equals(message.pm()) && start.equals(message.start()) && Objects.equals(end, message.end())
                && (message.pbos() == null || new HashSet<>(pbos).equals(new HashSet<>(message.pbos())))
                && same(given.refPmTechnique(), details.refPmTechnique())
                && same(given.elementReseau(), details.elementReseau())
                && same(given.description(), details.description())
                && same(given.dateTestFinFroid(), details.dateTestFinFroid());
    }

    private static boolean same(Object given, Object known) {
        return given == null || given.equals(known);
    }

    boolean isUnknown() {
        return start == null;
    }

    boolean isEnded() {
        return end != null;
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

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    Instant m4ReceivedAt() {
        return m4ReceivedAt;
    }

    WindowMessage.Details details() {
        return details;
    }

    /** When the M5 is due; {@code null} when none is waiting. */
    Instant m5DueAt() {
        return m5DueAt;
    }
}
