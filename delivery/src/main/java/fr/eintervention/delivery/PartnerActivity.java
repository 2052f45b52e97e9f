package fr.eintervention.delivery;

import java.time.Instant;

/**
 * What became of the messages queued for one partner over a period (e.g. since midnight).
 *
 * @param partner                the partner's code
 * @param delivered              messages the partner answered OK
 * @param pending                messages still being tried (PENDING or SENDING)
 * @param failed                 messages FAILED (retries used up)
 * @param rejected               messages REJECTED by the partner
 * @param oldestPendingCreatedAt when the oldest of the pending ones was queued; null when none
 */
public record PartnerActivity(String partner, long delivered, long pending, long failed, long rejected,
        Instant oldestPendingCreatedAt) {
}
