package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.eintervention.web.Page;

import org.springframework.transaction.annotation.Transactional;

/**
 * What was sent to whom and where it stands, and the operator's re-sends: the service behind
 * each service's consultation screens and the {@code /admin/deliveries} API.
 */
public class Deliveries {

    /** What an operator may re-send: a PENDING message is then sent now instead of at its next retry. */
    public static final Set<DeliveryStatus> RESENDABLE = Collections.unmodifiableSet(EnumSet.of(
            DeliveryStatus.PENDING, DeliveryStatus.FAILED, DeliveryStatus.REJECTED, DeliveryStatus.DELIVERED));

    private final DeliveryQueries queries;
    private final Payloads payloads;
    private final Clock clock;
    private final DeliveryTrigger trigger;
    private final Map<String, PayloadRenderer> renderers;
    private final Duration giveUpAfter;
    private final PartnerGuards guards;

    /** the period of a partner's health figures */
    public static final Duration HEALTH_PERIOD = Duration.ofHours(24);

    Deliveries(DeliveryQueries queries, Payloads payloads, Clock clock, DeliveryTrigger trigger, List<PayloadRenderer> renderers,
            Duration giveUpAfter, PartnerGuards guards) {
        this.giveUpAfter = giveUpAfter;
        this.guards = guards;
        this.queries = queries;
        this.payloads = payloads;
        this.clock = clock;
        this.trigger = trigger;
        this.renderers = renderers.stream()
                .flatMap(renderer -> renderer.kinds().stream().map(kind -> Map.entry(kind, renderer)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> {
                    throw new IllegalStateException("two PayloadRenderer beans for one kind: " + first + ", " + second);
                }));
    }

    public Optional<DeliveryRecord> byId(long id) {
        return queries.findById(id);
    }

    /** Every message about a subject (e.g. an intervention reference), to every partner, oldest first. */
    public List<DeliveryRecord> bySubject(String subject) {
        return queries.find(subject, null);
    }

    /**
     * Every message about one of the subjects, to every partner, oldest first: e.g. the messages a
     * sender queues under subjects of their own for one intervention (the OI's M6TX, one per OC's answer).
     */
    public List<DeliveryRecord> bySubjects(Collection<String> subjects) {
        return queries.find(subjects);
    }

    /** Every message about a subject to one partner, oldest first. */
    public List<DeliveryRecord> bySubjectAndPartner(String subject, String partner) {
        return queries.find(subject, partner);
    }

    /**
     * Deletes the messages queued before {@code limit} that are final (delivered, rejected,
     * failed, superseded): a service's retention. Pending ones are kept, however old.
     *
     * @return how many were deleted
     */
    @Transactional
    public int purgeFinishedBefore(Instant limit) {
        return queries.deleteFinishedBefore(limit);
    }

    /** Messages matching every filter given (null: any), newest first. */
    public Page<DeliveryRecord> search(String subject, String partner, DeliveryStatus status, int page, int size) {
        return queries.search(subject, partner, status, page, size);
    }

    /**
     * Messages of a partner, in a status, queued in [from, to) (each filter when given), newest
     * first, older than the message {@code before} when given (null: the newest): pages of a list
     * that stay fast however many messages the outbox holds (no count, no offset).
     */
    public List<DeliveryRecord> browse(String partner, DeliveryStatus status, Instant from, Instant to, Long before,
            int limit) {
        return queries.browse(partner, status, from, to, before, limit);
    }

    /**
     * How many messages {@link #resendAll} would queue again with the same arguments: what an
     * operator is asked to confirm.
     */
    public long countResendable(String partner, Instant from, Instant to, Set<DeliveryStatus> statuses) {
        return queries.countByStatus(statuses, partner, from, to);
    }

    /** Per partner, the messages queued since {@code from} by where they stand (e.g. today's, for a dashboard). */
    public List<PartnerActivity> activitySince(Instant from) {
        return queries.activitySince(from);
    }

    /**
     * Re-sends a message now, with a body re-rendered from current data when a
     * {@link PayloadRenderer} handles its kind, the retry schedule (and the protocol's 24 hours)
     * started afresh. Dispatched once the transaction commits.
     *
     * <p>A re-send never goes back in the order of a subject's messages: when a later message of
     * the same subject went to the partner (the M4 after the M2), that later one is sent again
     * instead, with the subject's current data, since it carries everything the earlier one did.
     *
     * @return the message as queued again (the subject's latest to that partner); empty when there is no such message
     * @throws NotResendableException when it is being sent or was superseded
     */
    @Transactional
    public Optional<DeliveryRecord> resend(long id) {
        Optional<DeliveryRecord> message = queries.findById(id);
        return message.map(this::requeue);
    }

    /**
     * Re-sends every message in one of the given statuses (typically FAILED and REJECTED), of a
     * partner and queued in [from, to) when given (null: any), as {@link #resend} does.
     *
     * @return how many messages were queued again
     */
    @Transactional
    public int resendAll(String partner, Instant from, Instant to, Set<DeliveryStatus> statuses) {
        if (statuses.isEmpty() || !RESENDABLE.containsAll(statuses)) {
            throw new IllegalArgumentException("statuses to re-send must be among " + RESENDABLE + ": " + statuses);
        }
        List<DeliveryRecord> messages = queries.findByStatus(statuses, partner, from, to);
        messages.forEach(this::requeue);
        return messages.size();
    }

    /** Every attempt at a message, oldest first. */
    public List<DeliveryAttempt> attempts(long id) {
        return queries.attempts(List.of(id));
    }

    /** The attempts at each of the messages given, by message, each message's oldest first. */
    public Map<Long, List<DeliveryAttempt>> attemptsOf(Collection<DeliveryRecord> messages) {
        return queries.attempts(messages.stream().map(DeliveryRecord::id).toList()).stream()
                .collect(Collectors.groupingBy(DeliveryAttempt::messageId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * Each partner's health over the last 24 hours: every partner called in that time or with
     * messages waiting, by code.
     */
    public List<PartnerHealth> health() {
        return figures(null);
    }

    /** One partner's health over the last 24 hours (zeros when it was not called). */
    public PartnerHealth health(String partner) {
        return figures(Objects.requireNonNull(partner)).get(0);
    }

    private List<PartnerHealth> figures(String partner) {
        Instant now = clock.instant();
        Instant since = now.minus(HEALTH_PERIOD);
        Map<String, DeliveryQueries.CallFigures> calls = queries.callsSince(since, partner).stream()
                .collect(Collectors.toMap(DeliveryQueries.CallFigures::partner, figures -> figures));
        Map<String, PartnerBacklog> backlog = queries.backlog(now).stream()
                .collect(Collectors.toMap(PartnerBacklog::partner, figures -> figures));
        Set<String> partners = new TreeSet<>(calls.keySet());
        backlog.values().stream().filter(figures -> figures.pending() > 0).forEach(figures -> partners.add(figures.partner()));
        if (partner != null) {
            partners.retainAll(Set.of(partner));
            partners.add(partner);
        }
        return partners.stream().map(code -> {
            DeliveryQueries.CallFigures call = calls.getOrDefault(code,
                    new DeliveryQueries.CallFigures(code, 0, 0, null, null, 0, 0));
            Optional<PartnerBacklog> waiting = Optional.ofNullable(backlog.get(code));
            Optional<PartnerGuards.Circuit> circuit = guards.circuit(code);
            return new PartnerHealth(code, since, call.attempts(), call.delivered(),
                    call.attempts() == 0 ? null : (double) call.delivered() / call.attempts(),
                    call.p50(), call.p95(), call.throttled429(), call.unavailable503(),
                    circuit.map(PartnerGuards.Circuit::state).orElse(null),
                    circuit.map(PartnerGuards.Circuit::changedAt).orElse(null),
                    waiting.map(PartnerBacklog::pending).orElse(0L),
                    waiting.map(PartnerBacklog::oldestPendingCreatedAt).orElse(null));
        }).toList();
    }

    /** Per partner: what is waiting, failed and rejected, and how long the oldest waits. */
    public List<PartnerBacklog> backlog() {
        return queries.backlog(clock.instant());
    }

    private DeliveryRecord requeue(DeliveryRecord asked) {
        DeliveryRecord message = latestOf(asked);
        if (!RESENDABLE.contains(message.status())) {
            throw new NotResendableException("message " + message.id() + " is " + message.status()
                    + ": only " + RESENDABLE + " can be re-sent");
        }
        String payload = Optional.ofNullable(renderers.get(message.kind()))
                .flatMap(renderer -> renderer.render(message))
                .map(payloads::write)
                .orElse(null);
        Instant now = clock.instant();
        DeliveryRecord queued = queries.requeue(message.id(), RESENDABLE, payload, now, now.plus(giveUpAfter))
                .orElseThrow(() -> new NotResendableException("message " + message.id() + " is being sent, try again"));
        trigger.dispatchAfterCommit(List.of(), List.of(queued.id()));
        return queued;
    }

    /**
     * The subject's latest message to the message's partner (not superseded), when it came
     * after the message; else the message itself.
     */
    private DeliveryRecord latestOf(DeliveryRecord message) {
        if (message.status() == DeliveryStatus.SUPERSEDED) {
            return message; // refused as such: its replacement is the one to re-send
        }
        return queries.find(message.subject(), message.partner()).stream()
                .filter(other -> other.id() > message.id() && other.status() != DeliveryStatus.SUPERSEDED)
                .max(Comparator.comparingLong(DeliveryRecord::id))
                .orElse(message);
    }

    /** The message is being sent, or a corrected one replaced it: it cannot be re-sent. */
    public static class NotResendableException extends IllegalStateException {

        NotResendableException(String message) {
            super(message);
        }
    }
}
