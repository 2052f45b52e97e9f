package fr.eintervention.oc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A clock the tests set and move; it replaces the one the delivery engine provides. */
public final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant now) {
        this.now = now;
    }

    /** Sets the time, e.g. {@code 2026-11-24T10:00:00+01:00}. */
    public void set(String isoOffsetDateTime) {
        now = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a movable clock stays in UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-11-24T08:00:00Z"));
        }
    }
}
