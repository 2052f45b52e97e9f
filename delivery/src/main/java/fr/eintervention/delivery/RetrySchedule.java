package fr.eintervention.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The retry policy: what an attempt means for its message. Retry n waits the n-th delay; once
 * they are used up, the message has failed. A partner asking to wait spends no retry: the
 * message is due again when it asked. A message whose next try would come past its bound (the
 * protocol's 24 hours) has failed. Pure: no clock, no database.
 */
final class RetrySchedule {

    private final List<Duration> delays;

    RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /**
     * The message's row after the attempt, as of {@code now}.
     *
     * @param report whether the service wants to be told of the message's final outcome (of its kind)
     */
    AttemptRecord after(DeliveryRecord message, Attempt attempt, Instant now, boolean report) {
        boolean counted = attempt.sent() && !attempt.throttled();
        int attempts = message.attempts() + (counted ? 1 : 0);
        Instant next = switch (attempt.result()) {
            case RETRY -> attempts <= delays.size() ? now.plus(delays.get(attempts - 1)) : null;
            case THROTTLED -> now.plus(attempt.retryAfter());
            default -> null;
        };
        DeliveryStatus status = switch (attempt.result()) {
            case DELIVERED -> DeliveryStatus.DELIVERED;
            case REJECTED -> DeliveryStatus.REJECTED;
            case NOT_SENT -> DeliveryStatus.FAILED;
            case RETRY, THROTTLED -> next != null && (message.giveUpAt() == null || next.isBefore(message.giveUpAt()))
                    ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        };
        if (status != DeliveryStatus.PENDING) {
            next = message.nextAttemptAt();
        }
        return new AttemptRecord(message, status, attempts, now, next, attempt, status != DeliveryStatus.PENDING && report);
    }
}
