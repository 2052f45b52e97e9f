package fr.eintervention.delivery;

import java.time.Clock;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues messages in the same transaction as the business change that causes them; the engine
 * makes the first attempt as soon as that transaction commits. Never sends from inside the
 * caller's transaction.
 */
public class Outbox {

    private final DeliveryStore store;
    private final Payloads payloads;
    private final Clock clock;
    private final DeliveryTrigger trigger;

    Outbox(DeliveryStore store, Payloads payloads, Clock clock, DeliveryTrigger trigger) {
        this.store = store;
        this.payloads = payloads;
        this.clock = clock;
        this.trigger = trigger;
    }

    /**
     * Queues a message. A message of the same kind, subject and partner not yet sent is
     * superseded by this one (a corrected M2 replaces an undelivered M2); one being sent at this
     * moment is not, and this one follows it.
     *
     * @return the message's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(OutboundMessage message) {
        long id = store.enqueue(message, payloads.write(message.payload()), clock.instant());
        trigger.dispatchAfterCommit(id);
        return id;
    }
}
