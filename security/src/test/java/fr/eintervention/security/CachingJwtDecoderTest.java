package fr.eintervention.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import fr.eintervention.testsupport.MovableClock;

/** A partner's token is verified once for its life, and never past it; refused tokens are never kept. */
class CachingJwtDecoderTest {

    private final MovableClock clock = MovableClock.frozenAt(Instant.parse("2026-11-30T10:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    /** The issuer's decoder: accepts "good-*" tokens valid five minutes from now, unless the clock passed their end. */
    private final Instant issuedAt = clock.instant();
    private final JwtDecoder issuer = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good") || !clock.instant().isBefore(issuedAt.plus(Duration.ofMinutes(5)))) {
            throw new BadJwtException("refused: " + token);
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("DO01").issuedAt(issuedAt);
        return token.equals("good-forever") ? jwt.build() : jwt.expiresAt(issuedAt.plus(Duration.ofMinutes(5))).build();
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(issuer, clock);

    @Test
    void aTokenIsVerifiedOnceForItsLife() {
        for (int message = 0; message < 100; message++) {
            assertThat(decoder.decode("good-DO01").getSubject()).isEqualTo("DO01");
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndRefused() {
        decoder.decode("good-DO01");
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> decoder.decode("good-DO01")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aRefusedTokenIsCheckedEveryTimeAndNeverKept() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsNeverKept() {
        decoder.decode("good-forever");
        decoder.decode("good-forever");
        assertThat(verifications).hasValue(2);
    }
}
