package fr.eintervention.security;

import fr.eintervention.web.input.Problems;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One Resilience4j rate limiter per partner code, never waiting: past its rate a partner gets 429
 * at once, and the other partners are not affected. Runs after authorization, so refused and
 * anonymous calls do not count; calls whose token names no partner are not limited.
 */
final class PartnerRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PartnerRateLimitFilter.class);

    private final RateLimiterRegistry registry;
    private final EInterventionSecurityProperties.RateLimit limits;

    PartnerRateLimitFilter(RateLimiterRegistry registry, EInterventionSecurityProperties.RateLimit limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> partner = CallerPartner.current();
        if (partner.isPresent()) {
            RateLimiter limiter = limiter(partner.get());
            if (limiter != null && !limiter.acquirePermission()) {
                log.debug("{} over its rate of {}/s: 429", partner.get(), limiter.getRateLimiterConfig().getLimitForPeriod());
                response.setHeader("Retry-After", "1");
                Problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS,
                        "rate limit of " + limiter.getRateLimiterConfig().getLimitForPeriod()
                                + " requests per second exceeded for " + partner.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private RateLimiter limiter(String partner) {
        int perSecond = limits.limitFor(partner);
        if (perSecond <= 0) {
            return null;
        }
        return registry.rateLimiter("partner-" + partner.toUpperCase(Locale.ROOT), () -> RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }
}
