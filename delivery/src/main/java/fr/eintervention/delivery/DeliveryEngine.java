package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.DeliveryStore.Finished;
import fr.eintervention.delivery.DeliveryStore.Lease;
import fr.eintervention.delivery.DeliveryStore.Outcome;
import fr.eintervention.delivery.PartnerGuards.Guard;

/**
 * Sends the outbox's messages.
 *
 * <p>One dispatcher thread starts the messages just committed ({@link #dispatchNow}): most
 * were taken by this instance as they were queued, the others it claims by id. It claims in
 * the database the due ones, partner by partner (retries, messages whose holder
 * died, taken back when its lease runs out), found by a poll every poll interval. Claimed messages are sent by a pool of workers,
 * each message by one worker, so that a slow partner only holds its own bulkhead's worth of
 * workers. The dispatcher never claims more than there are free workers, nor more for a partner
 * than it may take at once: a claimed message starts at once, well within its lease. A partner
 * with more due messages than that is "backlogged": each call to it that ends lets the
 * dispatcher claim its next messages, without waiting for the next poll.
 *
 * <p>A partner that takes no calls for now (its circuit open, or it asked to wait with a 429 or
 * {@code Retry-After}) is left out of claims: its messages wait untouched in the database, at
 * no cost to the others. Each call waits for its turn under the partner's pace.
 *
 * <p>Final outcomes the service listens to are handed to its {@link DeliveryListener}s by a
 * reporter thread of their own, never by the thread that stores results: the statement that
 * stores an outcome marks it unreported, and the transaction in which the listeners record it
 * clears the mark. A listener that fails or dies with its instance leaves the mark, and the
 * outcome is reported again (at the next poll, by any instance).
 */
final class DeliveryEngine implements DeliveryTrigger, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);
    /** at most how long a result waits for those of the calls under way, to be stored with them */
    private static final Duration RESULTS_LINGER = Duration.ofMillis(1);
    private static final long LINGER_STEP_NANOS = 100_000;
    /** at most one summary line this often */
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private final DeliveryStore store;
    private final PartnerDirectory directory;
    private final PartnerClient client;
    private final PartnerGuards guards;
    private final DeliveryMetrics metrics;
    private final List<DeliveryListener> listeners;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    /**
     * committed messages this instance took as they were queued, not started yet, by partner:
     * one whose partner takes no more calls for now waits here, not in the database
     */
    private final Map<String, Queue<DeliveryRecord>> freshClaimed = new ConcurrentHashMap<>();
    /** committed messages not claimed yet */
    private final Queue<Long> fresh = new ConcurrentLinkedQueue<>();
    /** messages claimed by this instance and not finished: at most one per worker */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** results of attempts not stored yet, and who stores them */
    private final Queue<Outcome> results = new ConcurrentLinkedQueue<>();
    private final ReentrantLock recording = new ReentrantLock();
    /** partners that may have more due messages than this instance could take so far */
    private final Set<String> backlogged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private final AtomicBoolean reportQueued = new AtomicBoolean();
    /** messages taken as they were queued that waited past their lease (sent again after it), since the last summary */
    private final AtomicLong leaseOverruns = new AtomicLong();
    private volatile Instant lastSummary = Instant.MIN;
    /** messages whose listener failed, logged once each (the few a broken listener leaves) */
    private final Set<Long> failedReports = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ScheduledExecutorService dispatcher;
    private ExecutorService workers;
    private ExecutorService reporter;

    DeliveryEngine(DeliveryStore store, PartnerDirectory directory, PartnerClient client, PartnerGuards guards,
            DeliveryMetrics metrics, List<DeliveryListener> listeners, DeliveryProperties properties, Clock clock,
            TransactionTemplate transaction) {
        this.transaction = transaction;
        this.store = store;
        this.directory = directory;
        this.client = client;
        this.guards = guards;
        this.metrics = metrics;
        this.listeners = listeners;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<Lease> leaseForQueued() {
        return running ? Optional.of(lease()) : Optional.empty();
    }

    @Override
    public Set<String> partnersNotTakingCalls() {
        return guards.notTakingCalls();
    }

    @Override
    public void dispatchNow(List<DeliveryRecord> claimed, List<Long> waiting) {
        // when stopped, the messages stay PENDING and due, or SENDING until their lease runs
        // out: the next poll of any instance sends them
        if (running) {
            claimed.forEach(message -> freshClaimed
                    .computeIfAbsent(message.partner(), partner -> new ConcurrentLinkedQueue<>()).add(message));
            fresh.addAll(waiting);
            wakeUp();
        }
    }

    /** Claims and starts what is due now, as the poll timer does, and returns once they are started. */
    void pollNow() throws InterruptedException, ExecutionException {
        dispatcher.submit(this::tick).get();
    }

    @Override
    public void start() {
        dispatcher = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("delivery-dispatcher-"));
        workers = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new CustomizableThreadFactory("delivery-worker-"));
        reporter = Executors.newSingleThreadExecutor(new CustomizableThreadFactory("delivery-reporter-"));
        running = true;
        dispatcher.scheduleWithFixedDelay(this::tick, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("delivery engine {} started: {} workers, retries after {}", properties.instanceId(),
                properties.workerThreads(), properties.retryDelays());
    }

    /** Stops claiming, lets the sends under way finish for a while; the others are taken over after their lease. */
    @Override
    public void stop() {
        running = false;
        dispatcher.shutdown();
        awaitTermination(dispatcher, properties.shutdownTimeout());
        workers.shutdown();
        if (!awaitTermination(workers, properties.shutdownTimeout())) {
            workers.shutdownNow();
            log.warn("delivery engine {} stopped with sends under way: another instance takes them over after their lease",
                    properties.instanceId());
        }
        reporter.shutdown();
        if (!awaitTermination(reporter, properties.shutdownTimeout())) {
            reporter.shutdownNow(); // the outcomes it did not report are reported at the next start, or by another instance
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it: requests drained at shutdown still get their messages dispatched. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void tick() {
        try {
            int takenOver = store.releaseExpiredLeases(clock.instant());
            if (takenOver > 0) {
                log.warn("{} message(s) left SENDING by an instance whose lease ran out: sent again", takenOver);
            }
            poll();
            metrics.backlog(store.backlog(clock.instant()));
            summarize();
            if (!listeners.isEmpty()) {
                reportLater(); // outcomes left unreported by a crash or a failed listener
            }
        } catch (RuntimeException e) {
            // the timer must survive a database outage: the next tick tries again
            log.error("delivery poll failed", e);
        }
    }

    /** One line a minute at most for what would otherwise be a line per message. */
    private void summarize() {
        Instant now = clock.instant();
        if (now.isBefore(lastSummary.plus(SUMMARY_EVERY))) {
            return;
        }
        long overruns = leaseOverruns.getAndSet(0);
        if (overruns > 0) {
            log.warn("{} message(s) taken as they were queued waited too long for a worker or their partner to start"
                    + " within their lease: sent after it runs out (more messages than workers and partners take;"
                    + " see eintervention.delivery.worker-threads and the partners' max-concurrent-calls and pace)", overruns);
        }
        lastSummary = now;
    }

    /** Has the dispatcher claim fresh messages and those of backlogged partners: soon, and once however often asked. */
    private void wakeUp() {
        if (running && wakeUpQueued.compareAndSet(false, true)) {
            try {
                dispatcher.execute(this::dispatch);
            } catch (RejectedExecutionException stopping) {
                // the messages stay in the database for the next start or another instance
            }
        }
    }

    private void dispatch() {
        wakeUpQueued.set(false);
        if (!running) {
            return;
        }
        try {
            startFresh();
            claimBacklogged();
        } catch (RuntimeException e) {
            log.error("delivery dispatch failed; the next poll tries again", e);
        }
    }

    /**
     * Starts the committed messages, as many as there are free workers; the others wait for one
     * to free up. Those this instance took as they were queued need no claim, and wait in memory
     * while their partner takes no more calls (only the dispatcher thread takes them out).
     */
    private void startFresh() {
        List<DeliveryRecord> ready = new ArrayList<>();
        int free = freeWorkers();
        for (Map.Entry<String, Queue<DeliveryRecord>> partner : freshClaimed.entrySet()) {
            // as many as the partner may take now: the others wait for one of its calls to end
            Queue<DeliveryRecord> waiting = partner.getValue();
            int room = Math.min(free, guards.of(partner.getKey()).freeCalls());
            for (DeliveryRecord message; (message = waiting.peek()) != null; ) {
                if (!leaseLeft(message)) {
                    waiting.poll();
                    leaseOverruns.incrementAndGet(); // summed up by the poll: one line, not one per message
                } else if (room > 0) {
                    ready.add(waiting.poll());
                    room--;
                    free--;
                } else {
                    break;
                }
            }
        }
        start(ready);
        while (!fresh.isEmpty() && freeWorkers() > 0) {
            int room = Math.min(freeWorkers(), properties.batchSize());
            List<Long> ids = new ArrayList<>(room);
            for (Long id; ids.size() < room && (id = fresh.poll()) != null; ) {
                ids.add(id);
            }
            start(store.claimByIds(ids, lease()));
        }
    }

    /** Finds the partners with due messages, and claims theirs. */
    private void poll() {
        backlogged.addAll(store.partnersWithDueMessages(clock.instant()));
        claimBacklogged();
    }

    /** Claims, in one go, as many due messages of each backlogged partner as it and the free workers can take. */
    private void claimBacklogged() {
        Map<String, Integer> rooms = new LinkedHashMap<>();
        int free = freeWorkers();
        for (String partner : List.copyOf(backlogged)) {
            if (free == 0) {
                break; // a worker that ends wakes the dispatcher up again
            }
            Guard guard = guards.of(partner);
            if (!guard.takesCalls()) {
                // the poll finds its messages again once the circuit may close or the partner's wait ends
                backlogged.remove(partner);
                continue;
            }
            int room = Math.min(Math.min(free, guard.freeCalls()), properties.batchSize());
            if (room > 0) { // else one of its calls that ends wakes the dispatcher up again
                rooms.put(partner, room);
                free -= room;
            }
        }
        if (rooms.isEmpty()) {
            return;
        }
        List<DeliveryRecord> claimed = store.claimDue(rooms, lease());
        Map<String, Long> claimedPerPartner = claimed.stream()
                .collect(Collectors.groupingBy(DeliveryRecord::partner, Collectors.counting()));
        rooms.forEach((partner, room) -> {
            if (claimedPerPartner.getOrDefault(partner, 0L) < room) {
                backlogged.remove(partner); // nothing more due for it now
            }
        });
        start(claimed);
    }

    private void start(List<DeliveryRecord> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        // the directory is asked once per claim: a corrected URL is used by the next claim
        Map<String, PartnerEndpoint> endpoints = directory.endpoints(
                claimed.stream().map(DeliveryRecord::partner).collect(Collectors.toSet()));
        List<Long> refused = new ArrayList<>();
        for (DeliveryRecord message : claimed) {
            if (expired(message)) {
                // the protocol's bound: never sent (again) past it, whatever made it wait
                inFlight.incrementAndGet();
                workers.execute(() -> record(message, Attempt.expired(properties.giveUpAfter())));
                continue;
            }
            Guard guard = guards.of(message.partner());
            if (!guard.enter()) {
                // no attempt counted: the message waits in the database, due as it was, until its partner takes calls
                refused.add(message.id());
                backlogged.add(message.partner());
                continue;
            }
            Optional<PartnerEndpoint> endpoint = Optional.ofNullable(endpoints.get(message.partner()));
            inFlight.incrementAndGet();
            workers.execute(() -> {
                Attempt attempt = null;
                try {
                    attempt = send(message, endpoint, guard);
                } catch (RuntimeException e) {
                    log.error("{} {} to {}: not finished, taken over after its lease", message.kind(), message.subject(),
                            message.partner(), e);
                } finally {
                    if (attempt != null) {
                        record(message, attempt);
                    } else {
                        released(1);
                    }
                }
            });
        }
        if (!refused.isEmpty()) {
            // one statement for the claim, however many
            store.release(refused, properties.instanceId(), clock.instant());
        }
    }

    private boolean expired(DeliveryRecord message) {
        return message.giveUpAt() != null && !clock.instant().isBefore(message.giveUpAt());
    }

    /** Claims the partner's messages again once the wait it asked for is over, without waiting for the next poll. */
    private void resumeLater(String partner, Duration wait) {
        try {
            dispatcher.schedule(() -> {
                backlogged.add(partner);
                dispatch();
            }, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the next start's poll finds them
        }
    }

    /** Makes the attempt; null when it was cut short by a stop (the partner may or may not have the message). */
    private Attempt send(DeliveryRecord message, Optional<PartnerEndpoint> endpoint, Guard guard) {
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
            guard.completed(attempt, System.nanoTime() - startedAt);
            called = true;
            if (attempt.throttled()) {
                metrics.throttled(message.partner());
                resumeLater(message.partner(), attempt.retryAfter());
            }
            return attempt;
        } finally {
            if (!called) {
                guard.abandoned();
            }
        }
    }

    /**
     * Queues the attempt's result to be stored. The first worker to come stores every result
     * queued meanwhile, in one statement (the others go back to sending): under load, one write
     * serves many messages; alone, a result is stored at once. While other calls are under way
     * it waits a moment for theirs ({@link #RESULTS_LINGER}): the M2s of one M1, sent together,
     * end together, and one write then serves them all.
     */
    private void record(DeliveryRecord message, Attempt attempt) {
        results.add(outcome(message, attempt));
        while (!results.isEmpty() && recording.tryLock()) {
            List<Outcome> batch = new ArrayList<>();
            try {
                long lingerEnd = System.nanoTime() + RESULTS_LINGER.toNanos();
                while (results.size() < inFlight.get() && results.size() < properties.batchSize()
                        && System.nanoTime() < lingerEnd) {
                    LockSupport.parkNanos(LINGER_STEP_NANOS);
                }
                for (Outcome next; batch.size() < properties.batchSize() && (next = results.poll()) != null; ) {
                    batch.add(next);
                }
                storeResults(batch);
            } finally {
                recording.unlock();
                released(batch.size());
            }
        }
    }

    /**
     * What the attempt means for the message under the retry schedule. A partner asking to wait
     * spends no retry: the message is due again when it asked. A message whose next try would
     * come past its bound (the protocol's 24 hours) has failed.
     */
    private Outcome outcome(DeliveryRecord message, Attempt attempt) {
        boolean counted = attempt.sent() && !attempt.throttled();
        int attempts = message.attempts() + (counted ? 1 : 0);
        // retry n waits retryDelays[n - 1]; once they are used up, the message has failed
        List<Duration> delays = properties.retryDelays();
        Instant now = clock.instant();
        Instant next = switch (attempt.outcome()) {
            case RETRY -> attempts <= delays.size() ? now.plus(delays.get(attempts - 1)) : null;
            case THROTTLED -> now.plus(attempt.retryAfter());
            default -> null;
        };
        DeliveryStatus status = switch (attempt.outcome()) {
            case DELIVERED -> DeliveryStatus.DELIVERED;
            case REJECTED -> DeliveryStatus.REJECTED;
            case NOT_SENT -> DeliveryStatus.FAILED;
            case RETRY, THROTTLED -> next != null && (message.giveUpAt() == null || next.isBefore(message.giveUpAt()))
                    ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        };
        if (status != DeliveryStatus.PENDING) {
            next = message.nextAttemptAt();
        }
        boolean report = status != DeliveryStatus.PENDING && listenedTo(message.kind());
        return new Outcome(message, status, attempts, now, next, attempt, report);
    }

    private boolean listenedTo(String kind) {
        for (DeliveryListener listener : listeners) {
            if (listener.listensTo(kind)) {
                return true;
            }
        }
        return false;
    }

    private void storeResults(List<Outcome> batch) {
        List<Finished> stored;
        try {
            stored = store.finish(batch, properties.instanceId(), clock.instant());
        } catch (RuntimeException e) {
            log.error("{} attempt result(s) not stored: their messages are sent again after their lease", batch.size(), e);
            return;
        }
        Set<Long> ids = new HashSet<>();
        for (Finished finished : stored) {
            ids.add(finished.record().id());
            report(finished.record());
            if (finished.hasSuccessor()) {
                backlogged.add(finished.record().partner()); // the next message of that subject and partner may go now
            }
        }
        if (batch.stream().anyMatch(Outcome::report)) {
            reportLater(); // on the reporter's thread: a slow listener never holds the results of others
        }
        for (Outcome outcome : batch) {
            if (!ids.contains(outcome.message().id())) {
                DeliveryRecord message = outcome.message();
                log.warn("{} {} to {}: lease lost while sending (another instance took it over); outcome {} not stored",
                        message.kind(), message.subject(), message.partner(), outcome.status());
            }
        }
    }

    /** Messages this instance no longer holds: their workers are free for the next ones. */
    private void released(int messages) {
        inFlight.addAndGet(-messages);
        if (freshClaimed.values().stream().anyMatch(waiting -> !waiting.isEmpty()) || !fresh.isEmpty()
                || !backlogged.isEmpty()) {
            wakeUp();
        }
    }

    /** One line per attempt, so that an operator can tell whether and when a message reached a partner. */
    private void report(DeliveryRecord record) {
        try (TraceContexts.Scope trace = TraceContexts.inLogs(record.traceparent())) {
            reportInTrace(record);
        }
    }

    private void reportInTrace(DeliveryRecord record) {
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

    /** Has the reporter hand the unreported outcomes to the listeners: soon, and once however often asked. */
    private void reportLater() {
        if (running && reportQueued.compareAndSet(false, true)) {
            try {
                reporter.execute(this::reportOutcomes);
            } catch (RejectedExecutionException stopping) {
                // the outcomes stay unreported in the database for the next start or another instance
            }
        }
    }

    /**
     * Hands each unreported final outcome to the listeners, each in a transaction of its own that
     * also clears its mark: the service records it and the mark goes, or neither. A listener that
     * throws leaves the mark: the next poll tries again.
     */
    private void reportOutcomes() {
        reportQueued.set(false);
        try {
            long after = 0;
            List<Long> page;
            do {
                page = store.unreported(after, properties.batchSize());
                for (long id : page) {
                    if (!running) {
                        return;
                    }
                    reportOne(id);
                    after = id;
                }
            } while (page.size() == properties.batchSize() && running);
        } catch (RuntimeException e) {
            log.error("delivery outcomes not reported; the next poll tries again", e);
        }
    }

    private void reportOne(long id) {
        try {
            transaction.executeWithoutResult(status -> store.takeUnreported(id).ifPresent(record -> {
                for (DeliveryListener listener : listeners) {
                    if (listener.listensTo(record.kind())) {
                        listener.onOutcome(record);
                    }
                }
            }));
            failedReports.remove(id);
        } catch (RuntimeException e) {
            if (failedReports.add(id)) {
                log.error("delivery listener failed on message {}: its outcome is reported again at each poll", id, e);
            } else {
                log.debug("delivery listener failed again on message {}", id, e);
            }
        }
    }

    /** "HTTP 200", "HTTP 400 MAUVAIS_FORMAT: Debut_Inter ...", or the error when no answer came. */
    private static String describe(DeliveryRecord record) {
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

    /** Whether a message taken as it was queued can still be sent, however long its partner takes, within its lease. */
    private boolean leaseLeft(DeliveryRecord message) {
        DeliveryProperties.Partner partner = properties.partner(message.partner());
        Instant latestEnd = clock.instant().plus(PartnerGuards.PACE_WAIT).plus(partner.connectTimeout())
                .plus(partner.readTimeout());
        return latestEnd.isBefore(message.updatedAt().plus(properties.leaseDuration()));
    }

    private int freeWorkers() {
        return Math.max(0, properties.workerThreads() - inFlight.get());
    }

    private Lease lease() {
        Instant now = clock.instant();
        return new Lease(properties.instanceId(), now, now.plus(properties.leaseDuration()));
    }

    private static boolean awaitTermination(ExecutorService executor, Duration timeout) {
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
