package fr.eintervention.oi.impact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import fr.eintervention.protocol.Timestamps;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Flux 3 as an operator watches it, per OC in flux 3, over the interventions ended in the last
 * 7 days: M5 expected (an M2 or M4 was sent to that OC), received, and missing (none received by
 * midnight, Europe/Paris, of the day the intervention ended). Gauges
 * {@code eintervention.oi.m5.expected}, {@code .received}, {@code .missing}, tag {@code partner},
 * read from the database every minute: every instance reports the same figures.
 */
@Component
class M5Gauges {

    private static final Logger log = LoggerFactory.getLogger(M5Gauges.class);
    static final Duration WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String zone;
    private final MultiGauge expected;
    private final MultiGauge received;
    private final MultiGauge missing;

    M5Gauges(JdbcClient jdbc, Clock clock, Timestamps timestamps, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = timestamps.zone().getId();
        this.expected = MultiGauge.builder("eintervention.oi.m5.expected")
                .description("M5 owed by an OC in flux 3 for the interventions ended in the last 7 days").register(registry);
        this.received = MultiGauge.builder("eintervention.oi.m5.received")
                .description("M5 received for the interventions ended in the last 7 days").register(registry);
        this.missing = MultiGauge.builder("eintervention.oi.m5.missing")
                .description("M5 not received by midnight of the day the intervention ended, last 7 days").register(registry);
    }

    private record Figures(String partner, long expected, long received, long missing) {
    }

    @Scheduled(initialDelayString = "${eintervention.oi.m5-figures-interval:60000}",
            fixedDelayString = "${eintervention.oi.m5-figures-interval:60000}")
    void refresh() {
        Instant now = clock.instant();
        List<Figures> figures;
        try {
            figures = jdbc.sql("""
                    with owed as (
                        select distinct i.id, i.fin_inter, d.partner
                        from intervention i
                        join delivery_message d on d.subject = i.ref_interv_oi and d.kind in ('M2', 'M4') and d.status <> 'SUPERSEDED'
                        where i.debut_inter >= cast(:since as timestamptz) - interval '30 days'
                          and i.fin_inter >= :since and i.fin_inter < :now)
                    select p.code as partner, count(o.id) as expected, count(r.oc) as received,
                           count(o.id) filter (where r.oc is null and
                               (date_trunc('day', o.fin_inter at time zone :zone) + interval '1 day') at time zone :zone <= :now) as missing
                    from partner p
                    left join owed o on o.partner = p.code
                    left join oc_report r on r.intervention_id = o.id and r.oc = p.code
                    where p.flux3
                    group by p.code order by p.code""")
                    .param("since", Timestamp.from(now.minus(WINDOW))).param("now", Timestamp.from(now)).param("zone", zone)
                    .query(Figures.class).list();
        } catch (RuntimeException e) {
            log.warn("M5 figures not refreshed: {}", e.toString());
            return;
        }
        expected.register(figures.stream().map(f -> MultiGauge.Row.of(Tags.of("partner", f.partner()), f.expected())).toList(), true);
        received.register(figures.stream().map(f -> MultiGauge.Row.of(Tags.of("partner", f.partner()), f.received())).toList(), true);
        missing.register(figures.stream().map(f -> MultiGauge.Row.of(Tags.of("partner", f.partner()), f.missing())).toList(), true);
    }
}
