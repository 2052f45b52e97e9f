package fr.eintervention.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-partner protection, created on first use from the partner's settings: a bulkhead bounds
 * the calls in flight to the partner, a circuit breaker stops calling a partner that keeps
 * failing. Both only make messages wait, never count an attempt.
 */
final class PartnerGuards {

    private static final Logger log = LoggerFactory.getLogger(PartnerGuards.class);

    /** how long a message waits while the trial calls of a half-open circuit are under way */
    private static final Duration TRIAL_DELAY = Duration.ofSeconds(1);

    private final DeliveryProperties properties;
    private final Clock clock;
    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    PartnerGuards(DeliveryProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        // the tagged metrics follow the registries: guards created later are measured too
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    Guard of(String partner) {
        return guards.computeIfAbsent(partner, this::create);
    }

    private Guard create(String partner) {
        DeliveryProperties.Partner settings = properties.partner(partner);
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(partner, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.circuitFailureRate())
                .slidingWindowSize(settings.circuitWindow())
                .minimumNumberOfCalls(settings.circuitWindow())
                .waitDurationInOpenState(settings.circuitOpenDuration())
                .clock(clock)
                .build());
        Bulkhead bulkhead = bulkheads.bulkhead(partner, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
        Guard guard = new Guard(circuitBreaker, bulkhead);
        circuitBreaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State state = event.getStateTransition().getToState();
            if (state == CircuitBreaker.State.OPEN) {
                guard.openUntil = clock.instant().plus(settings.circuitOpenDuration());
                log.warn("partner {} keeps failing: circuit open, its messages wait {}", partner, settings.circuitOpenDuration());
            } else {
                log.info("partner {}: circuit {}", partner, state);
            }
        });
        return guard;
    }

    /** One partner's circuit breaker and bulkhead. */
    final class Guard {

        private final CircuitBreaker circuitBreaker;
        private final Bulkhead bulkhead;
        private volatile Instant openUntil = Instant.MIN;

        private Guard(CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
            this.circuitBreaker = circuitBreaker;
            this.bulkhead = bulkhead;
        }

        /** Calls that may start now, as far as the bulkhead goes. */
        int freeCalls() {
            return bulkhead.getMetrics().getAvailableConcurrentCalls();
        }

        /** Whether the circuit stops calls for a while yet (its wait is measured on the engine's clock). */
        boolean isOpen() {
            return circuitBreaker.getState() == CircuitBreaker.State.OPEN && clock.instant().isBefore(openUntil);
        }

        /**
         * Asks to call the partner. Empty: go, a slot is held until {@link #completed} or
         * {@link #abandoned}. Otherwise how long the message should wait: zero when every slot is
         * taken (the engine takes it again as soon as one frees), the rest of the circuit's
         * open time when it is open.
         */
        Optional<Duration> enter() {
            if (!bulkhead.tryAcquirePermission()) {
                return Optional.of(Duration.ZERO);
            }
            if (!circuitBreaker.tryAcquirePermission()) {
                bulkhead.onComplete();
                Duration remaining = Duration.between(clock.instant(), openUntil);
                return Optional.of(remaining.compareTo(TRIAL_DELAY) > 0 ? remaining : TRIAL_DELAY);
            }
            return Optional.empty();
        }

        /** The call was made: counts it for the circuit breaker, frees the slot. */
        void completed(boolean partnerHealthy, long nanos) {
            if (partnerHealthy) {
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
