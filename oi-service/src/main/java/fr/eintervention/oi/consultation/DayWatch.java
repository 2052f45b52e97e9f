package fr.eintervention.oi.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.eintervention.protocol.Timestamps;

/** What the operators watch during the day: the day's interventions by state, the M5 per OC. Read-only. */
@Service
public class DayWatch {

    private final JdbcClient jdbc;
    private final M5Due m5Due;
    private final ZoneId zone;
    private final Clock clock;

    DayWatch(JdbcClient jdbc, M5Due m5Due, Timestamps timestamps, Clock clock) {
        this.jdbc = jdbc;
        this.m5Due = m5Due;
        this.zone = timestamps.zone();
        this.clock = clock;
    }

    /** The start of the day (Europe/Paris) {@code days} days from today (0: today, -1: yesterday). */
    public Instant startOfDay(int days) {
        return LocalDate.now(clock.withZone(zone)).plusDays(days).atStartOfDay(zone).toInstant();
    }

    /** What the operators watch during the day: the interventions started in [from, to), by state. */
    public DayFigures dayFigures(Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) as started,
                               count(*) filter (where fin_inter is null) as open,
                               count(*) filter (where fin_inter is not null) as ended,
                               count(*) filter (where impacted_customers > 0) as with_impact,
                               coalesce(sum(impacted_customers), 0) as customers,
                               count(*) filter (where late_start) as late_starts
                        from intervention where debut_inter >= :from and debut_inter < :to""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new DayFigures(rs.getLong("started"), rs.getLong("open"), rs.getLong("ended"),
                        rs.getLong("with_impact"), rs.getLong("customers"), rs.getLong("late_starts")))
                .single();
    }

    /**
     * Per OC, the M5 of the interventions started in [from, to) that were sent to it (an M2 or
     * M4): expected (the OC is in flux 3), received, still awaited, and missing (the intervention
     * ended before today: the day of its end is over, see {@link M5Due}).
     */
    public List<M5Figures> m5Figures(Instant from, Instant to) {
        return jdbc.sql("""
                        with sent as (
                            select distinct i.id, i.fin_inter, d.partner as oc
                            from intervention i
                            join delivery_message d on d.subject = i.ref_interv_oi
                                 and d.kind in ('M2', 'M4') and d.status <> 'SUPERSEDED'
                            where i.debut_inter >= :from and i.debut_inter < :to)
                        select s.oc,
                               count(*) filter (where p.flux3) as expected,
                               count(r.oc) as received,
                               count(*) filter (where p.flux3 and r.oc is null
                                                and (s.fin_inter is null or s.fin_inter >= :due)) as awaited,
                               count(*) filter (where p.flux3 and r.oc is null and s.fin_inter < :due) as missing
                        from sent s
                        left join partner p on p.code = s.oc
                        left join oc_report r on r.intervention_id = s.id and r.oc = s.oc
                        group by s.oc order by s.oc""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("due", Timestamp.from(m5Due.endsBefore()))
                .query((rs, n) -> new M5Figures(rs.getString("oc"), rs.getLong("expected"), rs.getLong("received"),
                        rs.getLong("awaited"), rs.getLong("missing")))
                .list();
    }
}
