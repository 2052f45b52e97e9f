package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * workers. The dispatcher never claims more than there are free workers, nor more for a partner
 * than it may take at once: a claimed message starts at once, well within its lease. A partner
 * with more due messages than that is "backlogged": each call to it that ends lets the
 * dispatcher claim its next messages, without waiting for the next poll.
 *
 * <p>A partner that takes no calls for now (its circuit open, or it asked to wait with a 429 or
 * {@code Retry-After}) is left out of claims: its messages wait untouched in the database, at
 * no cost to the others. Each call waits for its turn under the partner's pace.
 */
final class DeliveryEngine implements DeliveryTrigger, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);
    /** at most one summary line this often */
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

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
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile Instant lastSummary = Instant.MIN;
    private volatile boolean running;
    private ScheduledExecutorService dispatcher;
    private ExecutorService workers;
    /** the workers as the recorder sees them */
    private final AttemptRecorder.Workers held = new AttemptRecorder.Workers() {
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
        this.fresh = new FreshMessages(properties, clock);
        this.claims = new PartnerClaims(guards, properties.batchSize());
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
        dispatcher = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("delivery-dispatcher-"));
        workers = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new CustomizableThreadFactory("delivery-worker-"));
        reporter.start();
        running = true;
        dispatcher.scheduleWithFixedDelay(this::tick, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("delivery engine {} started: {} workers, retries after {}", properties.instanceId(),
                properties.workerThreads(), properties.retryDelays());
    }

    /** Stops claiming, lets the sends under way finish for a while; the others are taken over after their lease. */
    @Override
    public void stop() {
        running = false;
        reporter.halt();
        dispatcher.shutdown();
        awaitTermination(dispatcher, properties.shutdownTimeout());
        workers.shutdown();
        if (!awaitTermination(workers, properties.shutdownTimeout())) {
            workers.shutdownNow();
            log.warn("delivery engine {} stopped with sends under way: another instance takes them over after their lease",
                    properties.instanceId());
        }
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
            int takenOver = queue.releaseExpiredLeases(clock.instant());
            if (takenOver > 0) {
                log.warn("{} message(s) left SENDING by an instance whose lease ran out: sent again", takenOver);
            }
            poll();
            metrics.backlog(queries.backlog(clock.instant()));
            summarize();
            if (reporter.hasListeners()) {
                reporter.reportLater(); // outcomes left unreported by a crash or a failed listener
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
        long overruns = fresh.takeLeaseOverruns();
        if (overruns > 0) {
            log.warn("{} message(s) taken as they were queued waited too long for a worker or their partner to start"
                    + " within their lease: sent after it runs out (more messages than workers and partners take;"
                    + " see eintervention.delivery.worker-threads and the partners' max-concurrent-calls and pace)", overruns);
            lastSummary = now; // a minute before the next line: a quiet minute does not delay the next one
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
        start(fresh.ready(freeWorkers(), partner -> guards.of(partner).freeCalls()));
        while (fresh.anyWaiting() && freeWorkers() > 0) {
            start(queue.claimByIds(fresh.nextWaiting(Math.min(freeWorkers(), properties.batchSize())), lease()));
        }
    }

    /** Finds the partners with due messages, and claims theirs. */
    private void poll() {
        claims.backlogged(queue.partnersWithDueMessages(clock.instant()));
        claimBacklogged();
    }

    /** Claims, in one go, as many due messages of each backlogged partner as it and the free workers can take. */
    private void claimBacklogged() {
        Map<String, Integer> rooms = claims.rooms(freeWorkers());
        if (rooms.isEmpty()) {
            return;
        }
        List<DeliveryRecord> claimed = queue.claimDue(rooms, lease());
        claims.claimed(rooms, claimed);
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
                claims.backlogged(message.partner());
                continue;
            }
            Optional<PartnerEndpoint> endpoint = Optional.ofNullable(endpoints.get(message.partner()));
            inFlight.incrementAndGet();
            workers.execute(() -> {
                Attempt attempt = null;
                try {
                    attempt = sender.send(message, endpoint, guard, this::resumeLater);
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
            queue.release(refused, properties.instanceId(), clock.instant());
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
        recorder.record(schedule.after(message, attempt, clock.instant(), reporter.listenedTo(message.kind())), held);
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
