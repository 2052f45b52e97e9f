package fr.eintervention.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves, so that retry delays, leases, settling delays and deadlines come due
 * without waiting: either the system time plus an offset ({@link #ticking()}), or a time the test
 * sets ({@link #frozenAt(Instant)}). Services take it in place of their {@code Clock} bean.
 */
public final class MovableClock extends Clock {

    /** null: the system time */
    private volatile Instant base;
    private volatile Duration offset = Duration.ZERO;

    private MovableClock(Instant base) {
        this.base = base;
    }

    /** The system time, which {@link #advance} moves forward. */
    public static MovableClock ticking() {
        return new MovableClock(null);
    }

    /** A time that only moves when the test says so. */
    public static MovableClock frozenAt(Instant instant) {
        return new MovableClock(instant);
    }

    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Stops the clock at that time, e.g. {@code 2026-11-24T10:00:00+01:00}. */
    public synchronized void set(String isoOffsetDateTime) {
        base = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant from = base;
        return (from == null ? Instant.now() : from).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moving time, seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
