package fr.eintervention.delivery;

import java.time.Instant;

/**
 * What is waiting or stuck for one partner (every instance sharing the database included).
 *
 * @param partner                  the partner's code
 * @param pending                  messages not delivered yet and still being tried (PENDING or
 *                                 SENDING)
 * @param failed                   messages FAILED (retries used up), waiting for an operator
 * @param rejected                 messages REJECTED by the partner, to be corrected and re-sent
 * @param oldestPendingCreatedAt   when the oldest pending message was queued; null when none
 * @param oldestPendingAgeSeconds  its age in seconds; 0 when none
 */
public record PartnerBacklog(String partner, long pending, long failed, long rejected,
        Instant oldestPendingCreatedAt, long oldestPendingAgeSeconds) {
}
