package fr.eintervention.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per stored attempt, in the message's trace, so that an operator can tell whether and
 * when a message reached a partner; final outcomes are counted in the metrics.
 */
final class AttemptLog {

    private static final Logger log = LoggerFactory.getLogger(AttemptLog.class);

    private final DeliveryMetrics metrics;

    AttemptLog(DeliveryMetrics metrics) {
        this.metrics = metrics;
    }

    /** The message as its attempt left it. */
    void stored(DeliveryRecord record) {
        try (TraceContexts.Scope trace = TraceContexts.inLogs(record.traceparent())) {
            logInTrace(record);
        }
    }

    private void logInTrace(DeliveryRecord record) {
        switch (record.status()) {
            case PENDING -> log.info("{} {} to {}: attempt {} failed ({}), next attempt at {}", record.kind(),
                    record.subject(), record.partner(), record.attempts(), describe(record), record.nextAttemptAt());
            case SUPERSEDED -> log.info("{} {} to {}: attempt {} failed ({}), superseded by a corrected message",
                    record.kind(), record.subject(), record.partner(), record.attempts(), describe(record));
            default -> {
                log.info("{} {} to {}: {} after {} attempt(s) ({})", record.kind(), record.subject(), record.partner(),
                        record.status(), record.attempts(), describe(record));
                metrics.outcome(record);
            }
        }
    }

    /** "HTTP 200", "HTTP 400 MAUVAIS_FORMAT: Debut_Inter ...", or the error when no answer came. */
    static String describe(DeliveryRecord record) {
        if (record.lastHttpStatus() == null) {
            return record.lastError();
        }
        StringBuilder text = new StringBuilder("HTTP ").append(record.lastHttpStatus());
        if (record.status() != DeliveryStatus.DELIVERED && record.answerLabel() != null) {
            text.append(' ').append(record.answerLabel());
            if (record.answerDescription() != null) {
                text.append(": ").append(record.answerDescription());
            }
        }
        return text.toString();
    }
}
