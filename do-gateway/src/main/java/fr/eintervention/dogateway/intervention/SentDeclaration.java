package fr.eintervention.dogateway.intervention;

import java.time.Duration;
import java.time.Instant;

/**
 * The M1 or the M3 of an intervention, as last queued, and what became of it.
 *
 * @param deliveryId the engine's message carrying it; an outcome about another message (an older,
 *                   superseded version) is not this declaration's
 * @param answer     the OI's answer, once known (null while queued, or when the OI never answered)
 * @param answeredAt when the outcome was known: a rejection can be corrected for a while after
 */
record SentDeclaration(Kind kind, long deliveryId, Status status, Instant queuedAt, int attempts, OiAnswer answer,
        Instant answeredAt) {

    enum Kind { M1, M3 }

    /** What the gateway records; while QUEUED, the engine tells how far the sending went. */
    enum Status { QUEUED, ACKNOWLEDGED, REJECTED, FAILED }

    static SentDeclaration queued(Kind kind, long deliveryId, Instant now) {
        return new SentDeclaration(kind, deliveryId, Status.QUEUED, now, 0, null, null);
    }

    /** On its way (again, when an operator re-sent it), after that many attempts. */
    SentDeclaration onItsWay(int attemptsMade) {
        return new SentDeclaration(kind, deliveryId, Status.QUEUED, queuedAt, attemptsMade, null, null);
    }

    /** Rejected by the OI, or never delivered: the technician may correct it and send it again. */
    boolean correctable() {
        return status == Status.REJECTED || status == Status.FAILED;
    }

    /** Until when it may be corrected, or null when there is nothing to correct. */
    Instant correctableUntil(Duration window) {
        return correctable() && answeredAt != null ? answeredAt.plus(window) : null;
    }

    /** Correctable, and the window since the OI's answer has not passed. */
    boolean stillCorrectable(Instant now, Duration window) {
        Instant until = correctableUntil(window);
        return correctable() && (until == null || !now.isAfter(until));
    }
}
