package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import fr.eintervention.delivery.DeliveryQueue.Lease;
import fr.eintervention.delivery.PartnerGuards.Guard;

/**
 * Runs the delivery: its threads, and which messages start when. The jobs around it are parts
 * of their own: {@link AttemptSender} makes an attempt under its partner's {@link PartnerGuards},
 * {@link RetrySchedule} says what it means for the message, {@link AttemptRecorder} stores the
 * results in batches (logged by {@link AttemptLog}), {@link OutcomeReporter} hands final outcomes
 * to the service, {@link DeliveryQueue} holds the messages; {@link FreshMessages} keeps those just
 * committed until they start, {@link PartnerClaims} says how many of each partner to claim.
 *
 * <p>One dispatcher thread starts the messages just committed ({@link #dispatchNow}): most
 * were taken by this instance as they were queued, the others it claims by id. It claims in
 * the database the due ones, partner by partner (retries, messages whose holder
 * died, taken back when its lease runs out), found by a poll every poll interval. Claimed messages are sent by a pool of workers,
 * each message by one worker, so that a slow partner only holds its own bulkhead's worth of
 * workers. The dispatcher claims a partner's due messages a little ahead of its calls (a quarter of
 * a second of its pace, held in memory under the instance's heartbeat): each call that ends starts
 * the next at once, without a round trip to the database, and one claim serves many calls. A
 * partner with more due messages than that is "backlogged": its calls that end let the dispatcher
 * claim its next messages, without waiting for the next poll.
 *
 * <p>A partner that takes no calls for now (its circuit open, or it asked to wait with a 429 or
 * {@code Retry-After}) is left out of claims: its messages wait untouched in the database, at
 * no cost to the others. Each call waits for its turn under the partner's pace. When its circuit
 * closes again (its trial calls succeeded), every message of it waiting for a retry is due at
 * once: a partner's return is noticed within its circuit's open duration, not at each message's
 * next retry.
 *
 * <p>The instance's hold on the messages it holds (claimed or taken as they were queued, until
 * their results are stored) is its heartbeat: one row, renewed every third of the lease however
 * many messages it holds. An instance that dies has its messages taken over by the others' next
 * poll once its heartbeat lapses, seconds after its death; one that stops hands them back at
 * once. A message is never started once the instance's hold may have run out (its heartbeat
 * failed): another may have taken it.
 */
final class DeliveryEngine implements DeliveryTrigger, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final DeliveryQueue queue;
    private final DeliveryQueries queries;
    private final PartnerDirectory directory;
    private final PartnerGuards guards;
    private final AttemptSender sender;
    private final RetrySchedule schedule;
    private final AttemptRecorder recorder;
    private final OutcomeReporter reporter;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final Clock clock;

    /** committed messages not started yet */
    private final FreshMessages fresh;
    /** which partners to claim for, and how many of each */
    private final PartnerClaims claims;
    /** messages claimed by this instance and not finished: at most one per worker */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** ids of messages this instance holds and failed to put back to wait or to store the result of: put back at the next poll */
    private final Set<Long> orphans = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile boolean running;
    /** until when this instance's hold on the messages it holds is known to last (its last heartbeat) */
    private volatile Instant heldUntil = Instant.MIN;
    private volatile Instant startedAt;
    private ScheduledExecutorService dispatcher;
    private ScheduledExecutorService heartbeat;
    private ExecutorService workers;
    /** the workers as the recorder sees them */
    private final AttemptRecorder.Workers asRecorderSees = new AttemptRecorder.Workers() {
        @Override
        public int inFlight() {
            return inFlight.get();
        }

        @Override
        public void released(int messages) {
            DeliveryEngine.this.released(messages);
        }

        @Override
        public void successorWaiting(String partner) {
            claims.backlogged(partner);
        }

        @Override
        public void notStored(List<Long> messages) {
            orphans.addAll(messages);
            metrics.unstored(messages.size());
        }
    };

    DeliveryEngine(DeliveryQueue queue, DeliveryQueries queries, PartnerDirectory directory, PartnerGuards guards,
            AttemptSender sender, RetrySchedule schedule, AttemptRecorder recorder, OutcomeReporter reporter,
            DeliveryMetrics metrics, DeliveryProperties properties, Clock clock) {
        this.queue = queue;
        this.queries = queries;
        this.directory = directory;
        this.guards = guards;
        this.sender = sender;
        this.schedule = schedule;
        this.recorder = recorder;
        this.reporter = reporter;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.fresh = new FreshMessages();
        this.claims = new PartnerClaims(guards, properties.batchSize());
        guards.notify(new PartnerGuards.Turns() {
            @Override
            public void opened(String partner, Duration wait) {
                resumeLater(partner, wait); // its trial calls start as soon as the circuit lets them
            }

            @Override
            public void returned(String partner) {
                onDispatcher(() -> partnerReturned(partner));
            }
        });
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
            fresh.add(claimed, waiting);
            wakeUp();
        }
    }

    /** Claims and starts what is due now, as the poll timer does, and returns once they are started. */
    void pollNow() throws InterruptedException, ExecutionException {
        dispatcher.submit(this::tick).get();
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor dispatcher = new ScheduledThreadPoolExecutor(1, new CustomizableThreadFactory("delivery-dispatcher-"));
        // a stop does not wait for the claims planned later (a partner's wait, an open circuit): another instance makes them
        dispatcher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.dispatcher = dispatcher;
        workers = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new CustomizableThreadFactory("delivery-worker-"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("delivery-heartbeat-"));
        reporter.start();
        startedAt = clock.instant();
        try {
            // what a previous run under the same name left held is its no longer: waiting again
            queue.releaseAll(properties.instanceId(), startedAt);
        } catch (RuntimeException e) {
            log.warn("delivery engine {}: what a previous run of it held not handed back; its next start does", properties.instanceId(), e);
        }
        renew();
        running = true;
        long renewal = properties.leaseRenewal().toMillis();
        heartbeat.scheduleWithFixedDelay(this::renew, renewal, renewal, TimeUnit.MILLISECONDS);
        dispatcher.scheduleWithFixedDelay(this::tick, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("delivery engine {} started: {} workers, retries after {}, lease {} renewed every {}",
                properties.instanceId(), properties.workerThreads(), properties.retryDelays(), properties.leaseDuration(),
                properties.leaseRenewal());
    }

    /**
     * Stops claiming and starting messages, lets the calls under way finish for a while (their
     * results stored), and hands back at once every message it still holds: those claimed or
     * taken as they were queued and not started, and the calls cut short. Another instance's
     * next poll takes them.
     */
    @Override
    public void stop() {
        running = false;
        reporter.halt();
        dispatcher.shutdown();
        awaitTermination(dispatcher, properties.shutdownTimeout());
        workers.shutdown();
        if (!awaitTermination(workers, properties.shutdownTimeout())) {
            workers.shutdownNow();
            awaitTermination(workers, properties.shutdownTimeout());
            log.warn("delivery engine {} stopped with sends under way: handed back, sent again by another instance",
                    properties.instanceId());
        }
        heartbeat.shutdownNow();
        try {
            int handedBack = queue.releaseAll(properties.instanceId(), clock.instant());
            if (handedBack > 0) {
                log.info("delivery engine {} stopped: {} message(s) handed back to the other instances",
                        properties.instanceId(), handedBack);
            }
            queue.forget(properties.instanceId());
        } catch (RuntimeException e) {
            log.warn("delivery engine {} stopped without handing back its messages: taken over after its heartbeat lapses ({})",
                    properties.instanceId(), properties.leaseDuration(), e);
        }
        orphans.clear();
        reporter.stop(properties.shutdownTimeout());
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
            int takenOver = queue.releaseExpiredLeases(clock.instant(), properties.instanceId());
            if (takenOver > 0) {
                log.warn("{} message(s) left SENDING by an instance whose heartbeat lapsed: sent again", takenOver);
            }
            putBackOrphans();
            poll();
            metrics.backlog(queries.backlog(clock.instant()));
            if (reporter.hasListeners()) {
                reporter.reportLater(); // outcomes left unreported by a crash or a failed listener
            }
        } catch (RuntimeException e) {
            // the timer must survive a database outage: the next tick tries again
            log.error("delivery poll failed", e);
        }
    }

    /**
     * The heartbeat: renews this instance's hold on the messages it holds. Until a renewal
     * succeeds again, no message is started past the last lease known to last.
     */
    private void renew() {
        try {
            Lease lease = lease();
            queue.heartbeat(lease, startedAt);
            heldUntil = lease.until();
        } catch (RuntimeException e) {
            log.error("delivery engine {}: hold on its messages not renewed; none is started after {}",
                    properties.instanceId(), heldUntil, e);
        }
    }

    /**
     * Puts back to wait the messages this instance holds and could neither put back nor store the
     * result of (the database failed): they are sent again (at least once). The others' poll never
     * takes them while this instance lives.
     */
    private void putBackOrphans() {
        if (!orphans.isEmpty()) {
            List<Long> ids = List.copyOf(orphans);
            queue.release(ids, properties.instanceId(), clock.instant());
            ids.forEach(orphans::remove);
            log.warn("{} message(s) whose result or hand-back was not stored: waiting again, sent again", ids.size());
        }
    }

    /** Whether this instance's hold on its messages is known to last a while yet: a call may start. */
    private boolean holds() {
        return clock.instant().plus(properties.leaseRenewal()).isBefore(heldUntil);
    }

    /** The partner answers again: its messages waiting for a retry are due now, claimed in order at its pace. */
    private void partnerReturned(String partner) {
        int due = queue.dueNow(partner, clock.instant());
        if (due > 0) {
            log.info("partner {} answers again: {} waiting message(s) due now", partner, due);
        }
        claims.backlogged(partner);
        dispatch();
    }

    /** Runs a job on the dispatcher thread, soon; dropped when stopping (the next start's poll finds what it would have). */
    private void onDispatcher(Runnable job) {
        try {
            dispatcher.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    log.error("delivery dispatch failed; the next poll tries again", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the messages stay in the database for the next start or another instance
        }
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
        startReady();
        while (fresh.anyWaiting() && freeWorkers() > 0) {
            start(queue.claimByIds(fresh.nextWaiting(Math.min(freeWorkers(), properties.batchSize())), lease()));
        }
    }

    /** Starts the messages held in memory that may start now: as many of each partner as it takes now, within the free workers. */
    private void startReady() {
        start(fresh.ready(freeWorkers(), partner -> guards.of(partner).freeCalls()));
    }

    /** Finds the partners with due messages, and claims theirs. */
    private void poll() {
        claims.backlogged(queue.partnersWithDueMessages(clock.instant()));
        claimBacklogged();
    }

    /**
     * Claims, in one go, due messages of each backlogged partner, ahead of its calls (they wait
     * in memory, held, until a call of that partner and a worker are free), and starts those that
     * may start now.
     */
    private void claimBacklogged() {
        Map<String, Integer> rooms = claims.rooms(fresh::held);
        if (rooms.isEmpty()) {
            return;
        }
        List<DeliveryRecord> claimed = queue.claimDue(rooms, lease());
        claims.claimed(rooms, claimed);
        fresh.add(claimed, List.of());
        startReady();
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
                claims.backlogged(message.partner());
                continue;
            }
            Optional<PartnerEndpoint> endpoint = Optional.ofNullable(endpoints.get(message.partner()));
            inFlight.incrementAndGet();
            workers.execute(() -> {
                Attempt attempt = null;
                try {
                    if (!running || !holds()) {
                        // stopping (handed back with the others), or its hold may have run out: not started
                        guard.abandoned();
                    } else {
                        attempt = sender.send(message, endpoint, guard, this::resumeLater);
                        if (fresh.any()) {
                            wakeUp(); // its partner's call is free: the next message held starts now, not once this result is stored
                        }
                    }
                } catch (RuntimeException e) {
                    log.error("{} {} to {}: not finished, sent again", message.kind(), message.subject(),
                            message.partner(), e);
                } finally {
                    if (attempt != null) {
                        record(message, attempt);
                    } else {
                        handBack(List.of(message.id()));
                        released(1);
                    }
                }
            });
        }
        if (!refused.isEmpty()) {
            handBack(refused); // one statement for the claim, however many
        }
    }

    /**
     * Puts messages this instance will not send now back to wait, due as before, no attempt
     * counted. While it stops, they are handed back with the others at the end.
     */
    private void handBack(List<Long> ids) {
        try {
            if (running) {
                queue.release(ids, properties.instanceId(), clock.instant());
            }
        } catch (RuntimeException e) {
            log.error("{} message(s) not handed back: put back at the next poll", ids.size(), e);
            orphans.addAll(ids);
        }
    }

    private boolean expired(DeliveryRecord message) {
        return message.giveUpAt() != null && !clock.instant().isBefore(message.giveUpAt());
    }

    /** Claims the partner's messages again once the wait it asked for is over, without waiting for the next poll. */
    private void resumeLater(String partner, Duration wait) {
        try {
            dispatcher.schedule(() -> {
                claims.backlogged(partner);
                dispatch();
            }, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the next start's poll finds them
        }
    }

    /** Has the recorder store what the attempt means for the message. */
    private void record(DeliveryRecord message, Attempt attempt) {
        recorder.record(schedule.after(message, attempt, clock.instant(), reporter.listenedTo(message.kind())), asRecorderSees);
    }

    /** Messages this instance no longer holds: their workers are free for the next ones. */
    private void released(int messages) {
        inFlight.addAndGet(-messages);
        if (fresh.any() || claims.anyBacklogged()) {
            wakeUp();
        }
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
