package fr.eintervention.security;

import fr.eintervention.web.input.Problems;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One Resilience4j bulkhead per partner code, never waiting: a partner with
 * {@code eintervention.security.rate-limit.max-in-flight} requests already being received or
 * processed gets 429 at once (connection closed, its body left unread), so that its slow or
 * stuck requests never hold all the server's threads. Runs after the rate limit, so that the
 * request's body is read (by the services' body filters) inside the partner's bulkhead. Calls
 * whose token names no partner (operators) are not limited.
 */
final class PartnerInFlightFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PartnerInFlightFilter.class);

    private final BulkheadRegistry registry;
    private final int maxInFlight;

    PartnerInFlightFilter(BulkheadRegistry registry, int maxInFlight) {
        this.registry = registry;
        this.maxInFlight = maxInFlight;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> partner = CallerPartner.current();
        if (partner.isEmpty() || maxInFlight <= 0) {
            chain.doFilter(request, response);
            return;
        }
        Bulkhead bulkhead = registry.bulkhead("partner-" + partner.get().toUpperCase(Locale.ROOT),
                () -> BulkheadConfig.custom().maxConcurrentCalls(maxInFlight).maxWaitDuration(java.time.Duration.ZERO).build());
        if (!bulkhead.tryAcquirePermission()) {
            log.info("{} has {} requests in progress: 429", partner.get(), maxInFlight);
            response.setHeader("Retry-After", "1");
            Problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS,
                    "more than " + maxInFlight + " requests of " + partner.get() + " in progress");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            bulkhead.onComplete();
        }
    }
}
