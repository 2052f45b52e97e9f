package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-partner protection, created on first use from the partner's settings: a bulkhead bounds
 * the calls in flight to the partner, a rate limiter paces them (this instance's share of the
 * service's pace), a partner's request to wait ({@code 429}, {@code Retry-After}) pauses calls to
 * it, a circuit breaker stops calling a partner that keeps failing. None of them counts an attempt.
 */
final class PartnerGuards {

    private static final Logger log = LoggerFactory.getLogger(PartnerGuards.class);

    /** the longest a worker waits for its turn under the pace; past it, the message waits in the database */
    static final Duration PACE_WAIT = Duration.ofSeconds(1);
    /** permits handed out per refresh of the pacer, about every tenth of a second: smooth, not one burst a second */
    private static final int REFRESHES_PER_SECOND = 10;
    /** how much of a partner's pace an instance claims ahead of its calls */
    private static final double READ_AHEAD_SECONDS = 0.25;

    private final DeliveryProperties properties;
    private final Clock clock;
    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final RateLimiterRegistry pacers = RateLimiterRegistry.ofDefaults();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();
    private volatile Turns turns = Turns.NONE;
    private final MeterRegistry meters;

    PartnerGuards(DeliveryProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        // the tagged metrics follow the registries: guards created later are measured too
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(pacers).bindTo(meters);
    }

    /** What the engine does when a partner's circuit opens or closes again. */
    interface Turns {

        Turns NONE = new Turns() {
            @Override
            public void opened(String partner, Duration wait) {
            }

            @Override
            public void returned(String partner) {
            }
        };

        /** The partner's circuit opened: its trial calls may start once {@code wait} is over. */
        void opened(String partner, Duration wait);

        /** The partner answers again: its trial calls succeeded after its circuit had opened. */
        void returned(String partner);
    }

    /** Tells {@code turns} of every partner's circuit opening and closing again from now on. */
    void notify(Turns turns) {
        this.turns = turns;
    }

    /** Partners known to take no calls for now (open circuit, asked to wait): their new messages wait in the database. */
    Set<String> notTakingCalls() {
        Set<String> partners = new HashSet<>();
        guards.forEach((partner, guard) -> {
            if (!guard.takesCalls()) {
                partners.add(partner);
            }
        });
        return partners;
    }

    Guard of(String partner) {
        return guards.computeIfAbsent(partner, this::create);
    }

    /** A partner's circuit on this instance, and since when it is in that state (null: since it was first called). */
    record Circuit(String state, Instant changedAt) {
    }

    /** The partner's circuit on this instance; empty when this instance has not called it yet. */
    Optional<Circuit> circuit(String partner) {
        return Optional.ofNullable(guards.get(partner))
                .map(guard -> new Circuit(guard.circuitBreaker.getState().name(), guard.circuitChangedAt));
    }

    private Guard create(String partner) {
        DeliveryProperties.Partner settings = properties.partner(partner);
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(partner, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.circuitFailureRate())
                .slidingWindowSize(settings.circuitWindow())
                .minimumNumberOfCalls(settings.circuitWindow())
                .waitDurationInOpenState(settings.circuitOpenDuration())
                // one trial call decides: the partner answers again (closed, its messages due at once) or not (open again)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
        Bulkhead bulkhead = bulkheads.bulkhead(partner, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
        double pace = properties.pacePerInstance(partner);
        Guard guard = new Guard(circuitBreaker, bulkhead, pacers.rateLimiter(partner, pace(pace)),
                Math.max(settings.maxConcurrentCalls(), (int) Math.ceil(pace * READ_AHEAD_SECONDS)));
        Gauge.builder("eintervention.delivery.circuit.changed",
                        () -> guard.circuitChangedAt == null ? 0 : guard.circuitChangedAt.getEpochSecond())
                .description("When the partner's circuit entered its current state, epoch seconds (0: never changed)")
                .tag("partner", partner).register(meters);
        circuitBreaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State state = event.getStateTransition().getToState();
            guard.circuitChangedAt = clock.instant();
            if (state == CircuitBreaker.State.OPEN) {
                guard.openUntil = clock.instant().plus(settings.circuitOpenDuration());
                log.warn("partner {} keeps failing: circuit open, its messages wait {}", partner, settings.circuitOpenDuration());
                turns.opened(partner, settings.circuitOpenDuration());
            } else if (state == CircuitBreaker.State.CLOSED
                    && event.getStateTransition().getFromState() == CircuitBreaker.State.HALF_OPEN) {
                log.info("partner {} answers again: circuit closed, its waiting messages are due now", partner);
                turns.returned(partner);
            } else {
                log.info("partner {}: circuit {}", partner, state);
            }
        });
        return guard;
    }

    /**
     * The pace as a rate limiter: {@code perSecond / 10} permits every tenth of a second (at
     * least one permit, the period stretched to keep the pace), so that a receiver counting its
     * requests per second never sees two of our seconds in one of its.
     */
    static RateLimiterConfig pace(double perSecond) {
        int permits = Math.max(1, (int) Math.round(perSecond / REFRESHES_PER_SECOND));
        long periodNanos = Math.max(1_000_000L, Math.round(permits * 1e9 / perSecond));
        return RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(PACE_WAIT)
                .build();
    }

    /** One partner's circuit breaker, bulkhead and pace. */
    final class Guard {

        private final CircuitBreaker circuitBreaker;
        private final Bulkhead bulkhead;
        private final RateLimiter pacer;
        private volatile Instant openUntil = Instant.MIN;
        /** when the circuit last changed state; null while it never did */
        private volatile Instant circuitChangedAt;
        /** until when the partner asked us to wait (429, Retry-After) */
        private volatile Instant pausedUntil = Instant.MIN;

        /** how many of its messages an instance holds ready to start, while its circuit is closed */
        private final int readAhead;

        private Guard(CircuitBreaker circuitBreaker, Bulkhead bulkhead, RateLimiter pacer, int readAhead) {
            this.readAhead = readAhead;
            this.circuitBreaker = circuitBreaker;
            this.bulkhead = bulkhead;
            this.pacer = pacer;
        }

        /**
         * Calls that may start now: none while the partner takes no calls; one at a time while
         * the circuit is half-open (its trial calls); else as far as the bulkhead goes.
         */
        int freeCalls() {
            if (!takesCalls()) {
                return 0;
            }
            int free = bulkhead.getMetrics().getAvailableConcurrentCalls();
            return circuitBreaker.getState() == CircuitBreaker.State.HALF_OPEN ? Math.min(free, 1) : free;
        }

        /**
         * How many of the partner's messages this instance may hold ready to start, so that each
         * call that ends starts the next without waiting for a claim: a quarter of a second of its
         * pace (at least as many as it takes at once) while it is healthy; while its circuit is
         * half-open or it takes no calls, only the calls that may start now.
         */
        int readAhead() {
            return circuitBreaker.getState() == CircuitBreaker.State.CLOSED && takesCalls() ? readAhead : freeCalls();
        }

        /** Whether the circuit stops calls for a while yet (its wait is measured on the engine's clock). */
        boolean isOpen() {
            return circuitBreaker.getState() == CircuitBreaker.State.OPEN && clock.instant().isBefore(openUntil);
        }

        /** Whether calls may start now: the circuit is not open and the partner did not ask to wait. */
        boolean takesCalls() {
            return !isOpen() && !clock.instant().isBefore(pausedUntil);
        }

        /** The partner asked to wait: no call starts before {@code until}. */
        void pauseUntil(Instant until) {
            synchronized (this) {
                if (until.isAfter(pausedUntil)) {
                    pausedUntil = until;
                }
            }
        }

        /** Waits for this call's turn under the pace, at most {@link #PACE_WAIT}; false when it did not come. */
        boolean awaitTurn() {
            return pacer.acquirePermission();
        }

        /**
         * Asks to call the partner: true: go, a slot is held until {@link #completed} or
         * {@link #abandoned}; false: the partner takes no more calls now (every slot taken, the
         * circuit open or its trial calls under way, asked to wait), the message waits.
         */
        boolean enter() {
            if (!takesCalls() || !bulkhead.tryAcquirePermission()) {
                return false;
            }
            if (!circuitBreaker.tryAcquirePermission()) {
                bulkhead.onComplete();
                return false;
            }
            return true;
        }

        /**
         * The call was made: counts it for the circuit breaker (a partner asking to wait is
         * neither a success nor a failure: it is paused instead), frees the slot.
         */
        void completed(Attempt attempt, long nanos) {
            if (attempt.throttled()) {
                pauseUntil(clock.instant().plus(attempt.retryAfter()));
                circuitBreaker.releasePermission();
            } else if (attempt.partnerHealthy()) {
                circuitBreaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            } else {
                circuitBreaker.onError(nanos, TimeUnit.NANOSECONDS, PartnerFailure.INSTANCE);
            }
            bulkhead.onComplete();
        }

        /** No call was made after all (unknown partner, stopping): frees the slot, counts nothing. */
        void abandoned() {
            circuitBreaker.releasePermission();
            bulkhead.onComplete();
        }
    }

    /** What the circuit breaker records for a failed call; the details are in the message's row. */
    private static final class PartnerFailure extends RuntimeException {

        static final PartnerFailure INSTANCE = new PartnerFailure();

        private PartnerFailure() {
            super("the partner did not take the message", null, false, false);
        }
    }
}
