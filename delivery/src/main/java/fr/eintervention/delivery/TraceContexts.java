package fr.eintervention.delivery;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.MDC;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Keeps a message's trace across the outbox: the W3C {@code traceparent} of the request that
 * queues it is stored with it; its delivery, however late and on whatever thread, runs in a span
 * of that trace, whose context the HTTP client sends on. Does nothing without a tracer.
 */
final class TraceContexts {

    private static final String TRACEPARENT = "traceparent";
    /** a W3C version-00 traceparent is 55 characters; anything much longer is not one */
    private static final int MAX_LENGTH = 200;

    private final Tracer tracer;
    private final Propagator propagator;

    /** @param tracer, propagator null when the service has no tracing */
    TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    static TraceContexts none() {
        return new TraceContexts(null, null);
    }

    /** The current trace context as a W3C traceparent; null when there is none. */
    String current() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null || traceparent.length() > MAX_LENGTH ? null : traceparent;
    }

    /** A span of the stored trace, current until closed; a no-op without trace or tracer. */
    Scope continued(String traceparent, String name) {
        if (tracer == null || propagator == null || traceparent == null) {
            return () -> { };
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).kind(Span.Kind.CLIENT).start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return () -> {
            scope.close();
            span.end();
        };
    }

    /**
     * The trace of a stored message in the log lines written until closed (the MDC's
     * {@code traceId}, {@code spanId}), where no span of it is current (e.g. its outcome).
     */
    static Scope inLogs(String traceparent) {
        // 00-<trace id: 32 hex>-<parent id: 16 hex>-<flags>
        if (traceparent == null || traceparent.length() < 55 || MDC.get("traceId") != null) {
            return () -> { };
        }
        MDC.put("traceId", traceparent.substring(3, 35));
        MDC.put("spanId", traceparent.substring(36, 52));
        return () -> {
            MDC.remove("traceId");
            MDC.remove("spanId");
        };
    }

    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
