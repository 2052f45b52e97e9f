package fr.eintervention.oi.intervention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One presence of a technician on a PM, as the OI records it: the OI's decision table for M1/M3
 * lives here. {@link #receive} says what happened and registers the notification (M2 or M4)
 * to send to the OCs present at the PM.
 */
class Intervention {

    enum Notification { M2, M4 }

    /** Where the intervention was before a correction moved it to another PM, as its OCs were told. */
    record Move(String pm, Instant start, List<String> pbos) {
    }

    private static final Comparator<NatureEntry> ENTRY_ORDER = Comparator
            .comparingInt(NatureEntry::nature)
            .thenComparing(NatureEntry::pbo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(NatureEntry::pto, Comparator.nullsFirst(Comparator.naturalOrder()));

    private Long id;
    private final String refOi;
    private final String codeDo;
    private final String refDo;
    private String codeOi;
    private String pm;
    private List<NatureEntry> natures = List.of();
    private Instant start;
    private Instant end;
    private boolean startReceived;
    private boolean lateStart;
    private final List<Notification> notifications = new ArrayList<>();
    private Move movedFrom;
    private String version = "v1";
    private V2Details v2;

    /** A reference the OI has never seen: the first message makes it. */
    static Intervention unknown(String refOi, String codeDo, String refDo) {
        return new Intervention(null, refOi, codeDo, refDo);
    }

    static Intervention restore(long id, String refOi, String codeDo, String refDo, String codeOi, String pm,
            List<NatureEntry> natures, Instant start, Instant end, boolean startReceived, boolean lateStart,
            String version, V2Details v2) {
        Intervention intervention = new Intervention(id, refOi, codeDo, refDo);
        intervention.codeOi = codeOi;
        intervention.pm = pm;
        intervention.natures = List.copyOf(natures);
        intervention.start = start;
        intervention.end = end;
        intervention.startReceived = startReceived;
        intervention.lateStart = lateStart;
        intervention.version = version;
        intervention.v2 = v2;
        return intervention;
    }

    private Intervention(Long id, String refOi, String codeDo, String refDo) {
        this.id = id;
        this.refOi = refOi;
        this.codeDo = codeDo;
        this.refDo = refDo;
    }

    /**
     * Applies an accepted M1 or M3.
     *
     * @param lateStartThreshold an M1 received more than this after its start is flagged
     */
    DeclarationOutcome receive(Declaration message, Instant receivedAt, Duration lateStartThreshold) {
        if (message.isEnd()) {
            return receiveEnd(message);
        }
        DeclarationOutcome outcome = receiveStart(message);
        if (outcome != DeclarationOutcome.IGNORED && Duration.between(message.start(), receivedAt).compareTo(lateStartThreshold) > 0) {
            lateStart = true;
        }
        return outcome;
    }

    private DeclarationOutcome receiveStart(Declaration m1) {
        if (isUnknown()) {
            apply(m1);
            startReceived = true;
            notifications.add(Notification.M2);
            return DeclarationOutcome.NEW;
        }
        if (isEnded()) {
            // M1 after M3: accepted, but it must not overwrite what M3 said, and triggers no flow
            startReceived = true;
            return DeclarationOutcome.IGNORED;
        }
        if (sameContent(m1)) {
            return DeclarationOutcome.DUPLICATE;
        }
        apply(m1);
        notifications.add(Notification.M2);
        return DeclarationOutcome.CORRECTED;
    }

    private DeclarationOutcome receiveEnd(Declaration m3) {
        if (isUnknown() || !isEnded()) {
            // the first M3 records the end and the final natures; before any M1 it creates the
            // intervention with both timestamps, and only M4 is sent
            apply(m3);
            notifications.add(Notification.M4);
            return DeclarationOutcome.NEW;
        }
        if (sameContent(m3)) {
            return DeclarationOutcome.DUPLICATE;
        }
        apply(m3);
        notifications.add(Notification.M4);
        return DeclarationOutcome.CORRECTED;
    }

    private void apply(Declaration message) {
        if (pm != null && !pm.equals(message.pm()) && movedFrom == null) {
            movedFrom = new Move(pm, start, pbos());
        }
        codeOi = message.codeOi();
        pm = message.pm();
        natures = List.copyOf(message.natures());
        start = message.start();
        end = message.end();
        version = message.version();
        v2 = message.v2();
    }

    /** Every business field after normalisation: instants compared as instants, array order ignored. */
    private boolean sameContent(Declaration message) {
        return codeOi.equals(message.codeOi()) && pm.equals(message.pm())
                && start.equals(message.start()) && Objects.equals(end, message.end())
                && Objects.equals(v2, message.v2())
                && sorted(natures).equals(sorted(message.natures()));
    }

    private static List<NatureEntry> sorted(List<NatureEntry> entries) {
        return entries.stream().sorted(ENTRY_ORDER).toList();
    }

    boolean isUnknown() {
        return id == null && start == null;
    }

    boolean isEnded() {
        return end != null;
    }

    /** The notifications registered by the messages received, to send to the OCs present at the PM. */
    List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    /** The PM the messages received moved the intervention from (a corrected PM), if they did. */
    Optional<Move> movedFrom() {
        return Optional.ofNullable(movedFrom);
    }

    /** The PBOs the DO gave, for M2/M4 (anonymised: no PTO, no nature). */
    List<String> pbos() {
        return natures.stream().map(NatureEntry::pbo).filter(Objects::nonNull).distinct().toList();
    }

    Long id() {
        return id;
    }

    void assignId(long id) {
        this.id = id;
    }

    String refOi() {
        return refOi;
    }

    String codeDo() {
        return codeDo;
    }

    String refDo() {
        return refDo;
    }

    String codeOi() {
        return codeOi;
    }

    String pm() {
        return pm;
    }

    List<NatureEntry> natures() {
        return natures;
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    boolean startReceived() {
        return startReceived;
    }

    boolean lateStart() {
        return lateStart;
    }

    /** The version of the last declaration received: {@code v1} or {@code v2}. */
    String version() {
        return version;
    }

    /** What the last declaration said beyond v1's fields, when it came in v2; null otherwise. */
    V2Details v2() {
        return v2;
    }
}
