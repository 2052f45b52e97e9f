package fr.eintervention.delivery;

import java.time.Instant;

/**
 * A partner's health over a recent period (the last 24 hours): what the calls to it gave, and
 * where its messages stand now.
 *
 * @param partner                the partner's code
 * @param since                  the start of the period
 * @param attempts               calls made to it (attempts with an answer or a network error)
 * @param delivered              of those, calls it answered OK
 * @param successRate            delivered / attempts, between 0 and 1; null without a call
 * @param latencyP50Ms           median duration of its answers, in milliseconds; null without one
 * @param latencyP95Ms           95th percentile of that duration; null without an answer
 * @param throttled429           answers 429 (Too Many Requests)
 * @param unavailable503         answers 503 (Service Unavailable)
 * @param circuit                its circuit breaker's state on this instance: CLOSED, OPEN,
 *                               HALF_OPEN (null when this instance has not called it yet)
 * @param circuitChangedAt       when that state began on this instance; null while it never changed
 * @param waiting                messages not delivered yet and still tried (PENDING or SENDING)
 * @param oldestWaitingCreatedAt when the oldest of them was queued; null when none waits
 */
public record PartnerHealth(String partner, Instant since, long attempts, long delivered, Double successRate,
        Double latencyP50Ms, Double latencyP95Ms, long throttled429, long unavailable503, String circuit,
        Instant circuitChangedAt, long waiting, Instant oldestWaitingCreatedAt) {
}
