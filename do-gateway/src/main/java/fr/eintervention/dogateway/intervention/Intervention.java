package fr.eintervention.dogateway.intervention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.dogateway.intervention.SentDeclaration.Status;
import fr.eintervention.web.Conflict;

/**
 * One presence period of a technician on a PM, under one {@code Ref_Interv_DO}: its rules decide
 * which of M1/M3 must be (re)sent. M1 always goes before M3; the caller queues them in the order
 * of {@link #toSend()}, which the delivery engine keeps for one reference and one OI.
 */
class Intervention {

    private Long id;
    private final String ref;
    private final String technicianId;
    private final String captureId;
    private Content content;
    private DeviceClock deviceClock = DeviceClock.UNKNOWN;
    private final Map<Kind, SentDeclaration> declarations = new EnumMap<>(Kind.class);
    private final List<Kind> toSend = new ArrayList<>();

    private Intervention(Long id, String ref, String technicianId, String captureId, Content content) {
        this.id = id;
        this.ref = ref;
        this.technicianId = technicianId;
        this.captureId = captureId;
        this.content = content;
    }

    /**
     * A new presence period: M1, then M3 when the end is already known (captured offline, both
     * posted when coverage came back). Resuming another day is another period, another reference.
     */
    static Intervention begin(String ref, String technicianId, String captureId, Content content) {
        Intervention intervention = new Intervention(null, ref, technicianId, captureId, content);
        intervention.toSend.add(Kind.M1);
        if (content.ended()) {
            intervention.toSend.add(Kind.M3);
        }
        return intervention;
    }

    static Intervention restore(long id, String ref, String technicianId, String captureId, Content content,
            List<SentDeclaration> declarations) {
        Intervention intervention = new Intervention(id, ref, technicianId, captureId, content);
        declarations.forEach(declaration -> intervention.declarations.put(declaration.kind(), declaration));
        return intervention;
    }

    /**
     * Records the end: M3 is to be sent. The same end posted again (a tool re-sending after lost
     * coverage) changes nothing.
     *
     * @param finalNatures the real natures (AUCUNE ACTION allowed); null keeps the expected ones
     * @return false when that end was already recorded
     */
    boolean end(Instant end, List<NatureEntry> finalNatures) {
        if (content.ended()) {
            boolean same = content.end().equals(end)
                    && (finalNatures == null || NatureEntry.sameEntries(finalNatures, content.endNatures()));
            if (same) {
                return false;
            }
            throw new Conflict("intervention " + ref + " already ended at " + content.end()
                    + ": a rejected end is corrected with PUT /interventions/" + ref);
        }
        content = content.withEnd(end, finalNatures);
        toSend.add(Kind.M3);
        return true;
    }

    /**
     * Applies a correction after the OI rejected a declaration (or it could not be delivered):
     * every declaration the OI has not acknowledged goes again with the corrected data, M1 first.
     * The OI did not store what it rejected, so the corrected message is not a duplicate.
     */
    void correct(Content corrected, Instant now, Duration window) {
        List<SentDeclaration> correctable = declarations.values().stream().filter(SentDeclaration::correctable).toList();
        if (correctable.isEmpty()) {
            throw new Conflict("nothing to correct: the OI rejected no declaration of " + ref);
        }
        if (correctable.stream().noneMatch(declaration -> declaration.stillCorrectable(now, window))) {
            throw new Conflict("the " + window.toHours() + " h allowed to correct " + ref + " have passed");
        }
        content = corrected;
        for (Kind kind : Kind.values()) {
            boolean declared = kind == Kind.M1 || content.ended();
            if (declared && declaration(kind).map(d -> d.status() != Status.ACKNOWLEDGED).orElse(true)) {
                toSend.add(kind);
            }
        }
    }

    /** The M1/M3 to queue, in that order. */
    List<Kind> toSend() {
        return List.copyOf(toSend);
    }

    /** The engine took the message: the declaration now follows that one. */
    void queued(Kind kind, long deliveryId, Instant now) {
        declarations.put(kind, SentDeclaration.queued(kind, deliveryId, now));
        toSend.remove(kind);
    }

    Optional<SentDeclaration> declaration(Kind kind) {
        return Optional.ofNullable(declarations.get(kind));
    }

    Long id() {
        return id;
    }

    void assignId(long id) {
        this.id = id;
    }

    String ref() {
        return ref;
    }

    String technicianId() {
        return technicianId;
    }

    String captureId() {
        return captureId;
    }

    Content content() {
        return content;
    }

    DeviceClock deviceClock() {
        return deviceClock;
    }

    /** What the tool said of its clock at the start, at the end, or as stored. */
    Intervention withDeviceClock(DeviceClock clock) {
        this.deviceClock = clock == null ? DeviceClock.UNKNOWN : clock;
        return this;
    }
}
