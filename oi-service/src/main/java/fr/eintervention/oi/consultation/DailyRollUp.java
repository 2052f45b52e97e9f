package fr.eintervention.oi.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.protocol.Timestamps;

/**
 * The daily roll-up of the statistics (docs/decisions/0012-daily-statistics-roll-up.md): the
 * figures of each settled day per DO and PM, in {@code intervention_day}, and per DO, in
 * {@code intervention_day_do}. A day is settled when a
 * statistics query first needs it, once it ended {@link #SETTLED_AFTER} ago; the triggers on
 * {@code intervention} (migration V11) keep settled days exact whatever changes later.
 */
@Component
class DailyRollUp {

    /** How long after its end a day may be settled: until then its interventions are read one by one. */
    static final Duration SETTLED_AFTER = Duration.ofDays(2);

    /** At most this many days settled by one query; the others are read raw, and settled by the next queries. */
    static final int SETTLED_PER_QUERY = 31;

    /**
     * How long settling waits for the writers of {@code intervention} to finish: the M1s that
     * arrive meanwhile queue behind it, so it gives up early (the day stays raw) rather than stall them.
     */
    private static final String LOCK_TIMEOUT = "200ms";

    private static final Logger log = LoggerFactory.getLogger(DailyRollUp.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ZoneId zone;
    private final Clock clock;
    /** Days settled in another zone were discarded (checked once, then settled days are all in this zone). */
    private volatile boolean zoneChecked;

    DailyRollUp(JdbcClient jdbc, PlatformTransactionManager transactions, Timestamps timestamps, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.zone = timestamps.zone();
        this.clock = clock;
    }

    /**
     * The days of [first, last] whose figures are in the roll-up, after settling those
     * that may be (at most {@link #SETTLED_PER_QUERY}). A day returned stays settled: reading its
     * rolled-up rows gives exactly what its interventions give.
     */
    Set<LocalDate> settledDays(LocalDate first, LocalDate last) {
        Set<LocalDate> settled = new TreeSet<>();
        if (first.isAfter(last) || !sameZone()) {
            return settled;
        }
        settled.addAll(jdbc.sql("select day from settled_day where day between :first and :last")
                .param("first", first).param("last", last)
                .query((rs, n) -> rs.getObject("day", LocalDate.class)).list());
        Instant endedBefore = Instant.now(clock).minus(SETTLED_AFTER);
        int budget = SETTLED_PER_QUERY;
        for (LocalDate day = first; !day.isAfter(last) && budget > 0 && !end(day).isAfter(endedBefore); day = day.plusDays(1)) {
            if (!settled.contains(day)) {
                budget--;
                if (!settle(day)) {
                    break;
                }
                settled.add(day);
            }
        }
        return settled;
    }

    /**
     * Settles a day in its own short transaction: writers of {@code intervention} wait for it
     * (share row exclusive: it is also taken by one settler at a time), so that no change of that
     * day is missed nor counted twice; a day already settled is left as it is.
     *
     * @return whether the day is settled (false: the lock was not had in time, the day stays raw)
     */
    private boolean settle(LocalDate day) {
        try {
            transaction.executeWithoutResult(status -> {
                lockWriters();
                int inserted = jdbc.sql("""
                                insert into settled_day (day, span, zone, settled_at)
                                values (:day, tstzrange(:start, :end, '[)'), :zone, :now)
                                on conflict (day) do nothing""")
                        .param("day", day).param("start", Timestamp.from(start(day))).param("end", Timestamp.from(end(day)))
                        .param("zone", zone.getId()).param("now", Timestamp.from(Instant.now(clock)))
                        .update();
                if (inserted == 0) {
                    return; // settled meanwhile by another query
                }
                jdbc.sql("""
                                insert into intervention_day (day, code_do, pm, interventions, with_impact, customers)
                                select :day, code_do, pm, count(*), count(*) filter (where impacted_customers > 0),
                                       coalesce(sum(impacted_customers), 0)
                                from intervention where debut_inter >= :start and debut_inter < :end
                                group by code_do, pm""")
                        .param("day", day).param("start", Timestamp.from(start(day))).param("end", Timestamp.from(end(day)))
                        .update();
                jdbc.sql("""
                                insert into intervention_day_do (day, code_do, interventions, with_impact, customers)
                                select day, code_do, sum(interventions), sum(with_impact), sum(customers)
                                from intervention_day where day = :day
                                group by day, code_do""")
                        .param("day", day)
                        .update();
            });
            return true;
        } catch (DataAccessException e) {
            log.warn("statistics: day {} not settled ({}), read from the interventions", day, e.getMessage());
            return false;
        }
    }

    /**
     * Whether the settled days are all days of the configured zone: days settled under another
     * zone (the configuration changed) are discarded first, with their figures.
     */
    private boolean sameZone() {
        if (zoneChecked) {
            return true;
        }
        boolean other = jdbc.sql("select exists (select 1 from settled_day where zone <> :zone)")
                .param("zone", zone.getId()).query(Boolean.class).single();
        if (other) {
            try {
                transaction.executeWithoutResult(status -> {
                    lockWriters();
                    int discarded = jdbc.sql("delete from settled_day where zone <> :zone").param("zone", zone.getId()).update();
                    log.info("statistics: {} day(s) settled in another zone than {} discarded", discarded, zone.getId());
                });
            } catch (DataAccessException e) {
                log.warn("statistics: days settled in another zone not discarded yet ({}), all days read raw", e.getMessage());
                return false;
            }
        }
        zoneChecked = true;
        return true;
    }

    private void lockWriters() {
        jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
        jdbc.sql("lock table intervention in share row exclusive mode").update();
    }

    Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
