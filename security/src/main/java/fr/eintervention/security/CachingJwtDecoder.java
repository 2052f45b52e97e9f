package fr.eintervention.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Remembers each token the issuer's decoder accepted, until the token's own {@code exp}: a partner
 * sends the same client-credentials token with every message for the token's life (minutes), so
 * its signature is checked once instead of at every message (the RSA check and the key's
 * conversion were about a tenth of the OI's CPU under load, BENCHMARKS.md). Only accepted tokens are
 * kept, so no caller can fill the cache without tokens of the issuer; a token without
 * {@code exp} is never kept; refused tokens are checked again every time.
 */
final class CachingJwtDecoder implements JwtDecoder {

    /** Far above the tokens alive at once (one or two per partner and per operator). */
    static final int MAXIMUM_TOKENS = 10_000;

    private final JwtDecoder issuer;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token); // gone at its exp: the cache's ticker is the clock
        if (known != null) {
            return known;
        }
        Jwt jwt = issuer.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Duration untilExpiry(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How many tokens are remembered (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
