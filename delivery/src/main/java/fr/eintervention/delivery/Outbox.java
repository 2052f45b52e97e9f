package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues messages in the same transaction as the business change that causes them; the engine
 * makes the first attempt as soon as that transaction commits. Never sends from inside the
 * caller's transaction.
 */
public class Outbox {

    private final DeliveryQueue queue;
    private final Payloads payloads;
    private final Clock clock;
    private final DeliveryTrigger trigger;
    private final TraceContexts traces;
    private final Duration giveUpAfter;

    Outbox(DeliveryQueue queue, Payloads payloads, Clock clock, DeliveryTrigger trigger, TraceContexts traces, Duration giveUpAfter) {
        this.queue = queue;
        this.payloads = payloads;
        this.clock = clock;
        this.trigger = trigger;
        this.traces = traces;
        this.giveUpAfter = giveUpAfter;
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
        return enqueueAll(List.of(message)).get(0);
    }

    /**
     * Queues messages as {@link #enqueue} does, in the order given, in one statement however
     * many (an M2 to every OC of a PM); a body shared by several is written once.
     *
     * @return the messages' ids, in the order given
     * @throws IllegalArgumentException when two of them share kind, subject and partner
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> enqueueAll(List<OutboundMessage> messages) {
        return enqueueAll(messages, traces.current()); // the messages carry the trace of what caused them
    }

    /**
     * Queues a message in a trace recorded earlier ({@link #currentTrace()}), rather than the
     * current one: e.g. an M5, queued by a timer hours after the M4 it follows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueueInTrace(OutboundMessage message, String traceparent) {
        return enqueueAll(List.of(message), traceparent).get(0);
    }

    /**
     * The W3C {@code traceparent} a message queued now would carry; null without tracing. Keep it
     * to queue a later message in the same trace ({@link #enqueueInTrace}).
     */
    public String currentTrace() {
        return traces.current();
    }

    private List<Long> enqueueAll(List<OutboundMessage> messages, String traceparent) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        Map<Object, String> bodies = new IdentityHashMap<>();
        List<DeliveryQueue.Queued> queued = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            DeliveryQueue.Queued next = new DeliveryQueue.Queued(message, bodies.computeIfAbsent(message.payload(), payloads::write),
                    traceparent);
            if (!keys.add(next.key())) {
                throw new IllegalArgumentException("Two " + message.kind() + " of " + message.subject()
                        + " to " + message.partner() + " in one batch: queue the latest only");
            }
            queued.add(next);
        }
        Instant now = clock.instant();
        // the messages of a partner that takes no calls now wait untouched for the poll that finds it taking calls again
        Set<String> notTakingCalls = trigger.partnersNotTakingCalls();
        List<DeliveryRecord> stored = queue.enqueue(queued, now, now.plus(giveUpAfter), trigger.leaseForQueued(),
                notTakingCalls);
        trigger.dispatchAfterCommit(
                stored.stream().filter(message -> message.status() == DeliveryStatus.SENDING).toList(),
                stored.stream().filter(message -> message.status() == DeliveryStatus.PENDING
                        && !notTakingCalls.contains(message.partner())).map(DeliveryRecord::id).toList());
        return stored.stream().map(DeliveryRecord::id).toList();
    }
}
