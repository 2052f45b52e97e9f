package fr.eintervention.delivery;

import java.time.Duration;
import java.util.Optional;

import fr.eintervention.delivery.PartnerGuards.Guard;

/**
 * Makes one attempt at a message its partner's guard let in: waits for its turn under the pace,
 * calls the partner, and tells the guard how the call went (or that none was made).
 */
final class AttemptSender {

    private final PartnerClient client;
    private final DeliveryMetrics metrics;

    AttemptSender(PartnerClient client, DeliveryMetrics metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    /** What the engine does when a partner asks to wait: claim its messages again once the wait is over. */
    @FunctionalInterface
    interface Throttled {
        void resumeLater(String partner, Duration wait);
    }

    /**
     * Makes the attempt; null when it was cut short by a stop (the partner may or may not have the message).
     *
     * @param guard the partner's guard, entered ({@link Guard#enter}) for this call
     */
    Attempt send(DeliveryRecord message, Optional<PartnerEndpoint> endpoint, Guard guard, Throttled throttled) {
        boolean called = false;
        try {
            if (endpoint.isEmpty()) {
                return Attempt.noEndpoint(message.partner());
            }
            if (!guard.awaitTurn()) {
                return Attempt.paced(); // its turn under the pace did not come soon: it waits in the database
            }
            long startedAt = System.nanoTime();
            Attempt attempt = client.post(endpoint.get(), message);
            if (Thread.currentThread().isInterrupted()) {
                return null; // stopping mid-call: another instance re-sends it after the lease
            }
            long nanos = System.nanoTime() - startedAt;
            attempt = attempt.took(Duration.ofNanos(nanos));
            guard.completed(attempt, nanos);
            metrics.answered(message.partner(), attempt);
            called = true;
            if (attempt.throttled()) {
                metrics.throttled(message.partner());
                throttled.resumeLater(message.partner(), attempt.retryAfter());
            }
            return attempt;
        } finally {
            if (!called) {
                guard.abandoned();
            }
        }
    }
}
