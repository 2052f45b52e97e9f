package fr.eintervention.delivery;

import java.time.Instant;

/**
 * What an attempt leaves in its message's row, as the {@link RetrySchedule} decides it.
 *
 * @param attemptedAt   when the attempt ended
 * @param nextAttemptAt when the message is due again, if it waits
 * @param report        the outcome is final and the service wants to be told of it: it is
 *                      marked unreported until it is ({@link DeliveryQueue#takeUnreported})
 */
record AttemptRecord(DeliveryRecord message, DeliveryStatus status, int attempts, Instant attemptedAt,
        Instant nextAttemptAt, Attempt attempt, boolean report) {
}
