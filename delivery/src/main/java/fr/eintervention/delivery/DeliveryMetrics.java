package fr.eintervention.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Delivery figures for monitoring: outcomes as they happen ({@code eintervention.delivery.outcomes}
 * by partner, kind and status) and, per partner, the backlog read from the database at each poll
 * ({@code eintervention.delivery.pending}, {@code .failed}, {@code .rejected},
 * {@code .throttled}: answers asking to wait,
 * {@code .oldest.pending.age} in seconds), each call's duration by partner and HTTP status
 * ({@code eintervention.delivery.calls}, {@code eintervention.delivery.answer.duration}) and
 * when each partner's circuit last changed ({@code eintervention.delivery.circuit.changed}). The backlog is the whole database's: every instance
 * reports the same figures.
 */
final class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Set<String> partnersWithGauges = ConcurrentHashMap.newKeySet();
    private volatile Map<String, PartnerBacklog> backlog = Map.of();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void outcome(DeliveryRecord record) {
        Counter.builder("eintervention.delivery.outcomes")
                .description("Messages that reached a final status")
                .tag("partner", record.partner()).tag("kind", record.kind()).tag("status", record.status().name())
                .register(registry)
                .increment();
    }

    /**
     * A call to a partner ended: counted by partner and HTTP status ("none" without an answer:
     * network error or timeout), and the duration of its answers by partner, with their median
     * and 95th percentile (the figures of the console's partner page).
     */
    void answered(String partner, Attempt attempt) {
        Counter.builder("eintervention.delivery.calls")
                .description("Calls to partners, by HTTP status of the answer (none: network error or timeout)")
                .tag("partner", partner)
                .tag("status", attempt.httpStatus() == null ? "none" : String.valueOf(attempt.httpStatus()))
                .register(registry)
                .increment();
        if (attempt.httpStatus() != null) {
            Timer.builder("eintervention.delivery.answer.duration")
                    .description("How long partners took to answer")
                    .tag("partner", partner)
                    .publishPercentiles(0.5, 0.95)
                    .register(registry)
                    .record(attempt.duration());
        }
    }

    /** A partner asked to wait (429, or 503 with {@code Retry-After}): how often, for the operators' view of pacing. */
    void throttled(String partner) {
        Counter.builder("eintervention.delivery.throttled")
                .description("Answers asking to wait (429, or 503 with Retry-After): the message waited, no retry spent")
                .tag("partner", partner)
                .register(registry)
                .increment();
    }

    /** Results of attempts the database could not store (it failed): their messages wait again and are sent again. */
    void unstored(int results) {
        Counter.builder("eintervention.delivery.results.unstored")
                .description("Results of attempts not stored (the database failed): their messages sent again")
                .register(registry)
                .increment(results);
    }

    /** Replaces the backlog figures; a partner that no longer appears reports zeros. */
    void backlog(List<PartnerBacklog> figures) {
        backlog = figures.stream().collect(Collectors.toUnmodifiableMap(PartnerBacklog::partner, b -> b));
        figures.forEach(figure -> {
            if (partnersWithGauges.add(figure.partner())) {
                gauge("eintervention.delivery.pending", "Messages not delivered yet, still tried", figure.partner(),
                        PartnerBacklog::pending);
                gauge("eintervention.delivery.failed", "Messages whose retries are used up", figure.partner(),
                        PartnerBacklog::failed);
                gauge("eintervention.delivery.rejected", "Messages the partner refused", figure.partner(),
                        PartnerBacklog::rejected);
                gauge("eintervention.delivery.oldest.pending.age", "Age of the oldest pending message, seconds",
                        figure.partner(), PartnerBacklog::oldestPendingAgeSeconds);
            }
        });
    }

    private void gauge(String name, String description, String partner, ToDoubleFunction<PartnerBacklog> value) {
        Gauge.builder(name, () -> {
                    PartnerBacklog figure = backlog.get(partner);
                    return figure == null ? 0 : value.applyAsDouble(figure);
                })
                .description(description).tag("partner", partner)
                .register(registry);
    }
}
