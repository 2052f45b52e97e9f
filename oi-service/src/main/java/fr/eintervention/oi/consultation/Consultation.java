package fr.eintervention.oi.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.jdbc.Sql;
import fr.eintervention.oi.consultation.InterventionDetail.Customer;
import fr.eintervention.oi.consultation.InterventionDetail.Delivery;
import fr.eintervention.oi.consultation.InterventionDetail.M5State;
import fr.eintervention.oi.consultation.InterventionDetail.OcView;
import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.Referential;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.web.Page;

/** Phase 4 of the spec: what the OI aggregated, for its operators. Read-only. */
@Service
public class Consultation {

    private static final String SUMMARY_COLUMNS = """
            ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter, late_start, impacted_customers""";

    private final JdbcClient jdbc;
    private final Deliveries deliveries;
    private final Referential referential;
    private final ZoneId zone;
    private final Clock clock;
    private final DailyRollUp rollUp;

    Consultation(JdbcClient jdbc, Deliveries deliveries, Referential referential, Timestamps timestamps, Clock clock,
            DailyRollUp rollUp) {
        this.jdbc = jdbc;
        this.rollUp = rollUp;
        this.deliveries = deliveries;
        this.referential = referential;
        this.zone = timestamps.zone();
        this.clock = clock;
    }

    public Page<InterventionSummary> interventions(InterventionFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.pm() != null) {
            where.append(" and pm = :pm");
            params.put("pm", filter.pm());
        }
        if (filter.codeDo() != null) {
            where.append(" and code_do = :codeDo");
            params.put("codeDo", filter.codeDo());
        }
        if (filter.from() != null) {
            where.append(" and debut_inter >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and debut_inter < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.reference() != null) {
            // any part of either reference, case aside: the trigram index on both
            where.append(" and (ref_interv_oi || ' ' || ref_interv_do) ilike :part escape '\\'");
            params.put("part", "%" + filter.reference().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.state() != null) {
            where.append(switch (filter.state()) {
                case OPEN -> " and fin_inter is null";
                case ENDED -> " and fin_inter is not null";
                case IMPACTED -> " and impacted_customers > 0";
            });
        }
        long total = jdbc.sql("select count(*) from intervention" + where).params(params).query(Long.class).single();
        List<InterventionSummary> items = jdbc.sql("select " + SUMMARY_COLUMNS + " from intervention" + where
                        + " order by debut_inter desc, id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(Consultation::summary).list();
        return new Page<>(items, page, size, total);
    }

    /** How many interventions have a line test waiting for an OC's answer (the console's "Aujourd'hui"). */
    public long lineTestsWaiting() {
        return jdbc.sql("select count(*) from line_test_series where waiting > 0").query(Long.class).single();
    }

    public Optional<InterventionDetail> intervention(String refOi) {
        return jdbc.sql("select id, " + SUMMARY_COLUMNS + " from intervention where ref_interv_oi = :ref")
                .param("ref", refOi)
                .query((rs, n) -> detail(rs.getLong("id"), summary(rs, n)))
                .optional();
    }

    private InterventionDetail detail(long id, InterventionSummary summary) {
        List<InterventionDetail.Nature> natures = jdbc.sql(
                        "select nature, pbo, pto from intervention_nature where intervention_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new InterventionDetail.Nature(rs.getInt("nature"), rs.getString("pbo"), rs.getString("pto")))
                .list();
        List<InterventionDetail.ReceivedMessage> messages = jdbc.sql(
                        "select kind, outcome, received_at, payload, protocol_version from intervention_message where intervention_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new InterventionDetail.ReceivedMessage(rs.getString("kind"), rs.getString("outcome"),
                        Sql.instant(rs, "received_at"), rs.getString("payload"), rs.getString("protocol_version")))
                .list();
        List<InterventionDetail.RelayLoss> losses = jdbc.sql("""
                        select partner, kind, sent, field, value, reason, recorded_at from relay_loss
                        where intervention_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new InterventionDetail.RelayLoss(rs.getString("partner"), rs.getString("kind"),
                        rs.getBoolean("sent"), rs.getString("field"), rs.getString("value"), rs.getString("reason"),
                        Sql.instant(rs, "recorded_at")))
                .list();
        Map<String, String> version = jdbc.sql("select protocol_version, v2_details from intervention where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, String> row = new java.util.HashMap<>();
                    row.put("version", rs.getString("protocol_version"));
                    row.put("details", rs.getString("v2_details"));
                    return row;
                }).single();
        List<InterventionDetail.LineTestMessage> lineTests = jdbc.sql("""
                        select kind, numero_test, oc, at, payload from line_test_message where intervention_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new InterventionDetail.LineTestMessage(rs.getString("kind"),
                        (Integer) rs.getObject("numero_test"), rs.getString("oc"), Sql.instant(rs, "at"), rs.getString("payload")))
                .list();
        return new InterventionDetail(summary, natures, messages, operators(id, summary), version.get("version"),
                version.get("details"), losses, lineTests);
    }

    /** Per OC: every OC the intervention was sent to, and any OC that reported on it. */
    private List<OcView> operators(long id, InterventionSummary summary) {
        Map<String, List<DeliveryRecord>> sent = deliveries.bySubject(summary.refIntervOi()).stream()
                .filter(delivery -> delivery.status() != DeliveryStatus.SUPERSEDED)
                .collect(Collectors.groupingBy(DeliveryRecord::partner));
        Map<String, Instant> reports = new LinkedHashMap<>();
        jdbc.sql("select oc, received_at from oc_report where intervention_id = :id").param("id", id)
                .query((rs, n) -> reports.put(rs.getString("oc"), Sql.instant(rs, "received_at"))).list();
        Map<String, List<Customer>> customers = jdbc.sql("""
                        select oc, pto, pbo, tube, fibre, position_pm, hms_coupure, outside_window
                        from impacted_customer where intervention_id = :id order by hms_coupure, id""")
                .param("id", id)
                .query((rs, n) -> Map.entry(rs.getString("oc"), new Customer(rs.getString("pto"), rs.getString("pbo"),
                        rs.getString("tube"), rs.getString("fibre"), rs.getString("position_pm"),
                        Sql.instant(rs, "hms_coupure"), rs.getBoolean("outside_window"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));

        Map<String, String> withdrawn = new LinkedHashMap<>();
        jdbc.sql("select oc, pm from intervention_withdrawal where intervention_id = :id").param("id", id)
                .query((rs, n) -> withdrawn.put(rs.getString("oc"), rs.getString("pm"))).list();

        Set<String> operators = new TreeSet<>(sent.keySet());
        operators.addAll(reports.keySet());
        List<OcView> views = new ArrayList<>();
        for (String oc : operators) {
            boolean flux3 = referential.partner(oc).map(Partner::flux3).orElse(false);
            List<DeliveryRecord> ocDeliveries = sent.getOrDefault(oc, List.of());
            views.add(new OcView(oc, flux3, latest(ocDeliveries, "M2"), latest(ocDeliveries, "M4"),
                    m5State(flux3 && !withdrawn.containsKey(oc), reports.get(oc), summary.finInter()), reports.get(oc),
                    customers.getOrDefault(oc, List.of()), withdrawn.get(oc)));
        }
        return views;
    }

    /**
     * An OC in flux 3 owes its M5 the day the intervention ends, before midnight Europe/Paris:
     * after that, it is missing.
     */
    M5State m5State(boolean flux3, Instant receivedAt, Instant end) {
        if (receivedAt != null) {
            return M5State.RECEIVED;
        }
        if (!flux3) {
            return M5State.NOT_EXPECTED;
        }
        if (end == null) {
            return M5State.AWAITED;
        }
        return end.isBefore(m5DueForEndsBefore()) ? M5State.MISSING : M5State.AWAITED;
    }

    /** An M5 not received is missing for every intervention that ended before this instant: today's midnight, Europe/Paris. */
    private Instant m5DueForEndsBefore() {
        return Instant.now(clock).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
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
     * ended before today: the day of its end is over, see {@link #m5State}).
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
                .param("due", Timestamp.from(m5DueForEndsBefore()))
                .query((rs, n) -> new M5Figures(rs.getString("oc"), rs.getLong("expected"), rs.getLong("received"),
                        rs.getLong("awaited"), rs.getLong("missing")))
                .list();
    }

    private static Delivery latest(List<DeliveryRecord> deliveries, String kind) {
        return deliveries.stream().filter(delivery -> delivery.kind().equals(kind))
                .max(Comparator.comparingLong(DeliveryRecord::id))
                .map(d -> new Delivery(d.id(), d.status().name(), d.attempts(), d.lastAttemptAt(), d.deliveredAt(),
                        d.answerLabel(), d.answerDescription()))
                .orElse(null);
    }

    /**
     * Figures by DO, by PM or by day over [from, to), groups without intervention left out. Exact:
     * the settled days are read from their roll-up, the rest (the partial days at the edges, the
     * recent days) from the interventions themselves (docs/decisions/0012-daily-statistics-roll-up.md).
     */
    public List<Statistics> statistics(Instant from, Instant to, GroupBy groupBy) {
        Figures figures = figures(from, to, groupBy);
        return jdbc.sql(figures.sql + " order by key")
                .params(figures.params)
                .query(Consultation::statistics)
                .list();
    }

    /** The spec's "PM blacklist" idea: PMs ranked by incident rate, worst first. */
    public List<Statistics> pmRanking(Instant from, Instant to, int minInterventions, int limit) {
        Figures figures = figures(from, to, GroupBy.PM);
        return jdbc.sql(figures.sql + """
                         and sum(interventions) >= :min
                        order by cast(sum(with_impact) as bigint)::float / cast(sum(interventions) as bigint) desc,
                                 sum(interventions) desc, key
                        limit :limit""")
                .params(figures.params).param("min", minInterventions).param("limit", limit)
                .query(Consultation::statistics)
                .list();
    }

    /** A query of the figures over [from, to) by key, to be ordered (it ends with its {@code having} clause). */
    private record Figures(String sql, Map<String, Object> params) {
    }

    /**
     * The whole days of [from, to) that are settled are read from the roll-up; every
     * other part of the period, day by day (the days in the zone), from {@code intervention}, each
     * part one range of the index on Debut_Inter.
     */
    private Figures figures(Instant from, Instant to, GroupBy groupBy) {
        LocalDate firstWhole = from.atZone(zone).toLocalDate();
        if (rollUp.start(firstWhole).isBefore(from)) {
            firstWhole = firstWhole.plusDays(1);
        }
        LocalDate lastWhole = to.atZone(zone).toLocalDate().minusDays(1);
        Set<LocalDate> settled = rollUp.settledDays(firstWhole, lastWhole);

        StringJoiner settledDays = new StringJoiner(",", "{", "}");
        StringJoiner days = new StringJoiner(",", "{", "}");
        StringJoiner starts = new StringJoiner(",", "{", "}");
        StringJoiner ends = new StringJoiner(",", "{", "}");
        for (LocalDate day = from.atZone(zone).toLocalDate(); rollUp.start(day).isBefore(to); day = day.plusDays(1)) {
            if (settled.contains(day)) {
                settledDays.add(day.toString());
                continue;
            }
            Instant start = rollUp.start(day).isBefore(from) ? from : rollUp.start(day);
            Instant end = rollUp.end(day).isAfter(to) ? to : rollUp.end(day);
            if (start.isBefore(end)) {
                days.add(day.toString());
                starts.add(start.toString());
                ends.add(end.toString());
            }
        }
        String raw = groupBy == GroupBy.DAY ? "to_char(d.day, 'YYYY-MM-DD')" : "i." + groupBy.column;
        String rolled = groupBy == GroupBy.DAY ? "to_char(r.day, 'YYYY-MM-DD')" : "r." + groupBy.column;
        // per DO and per day, the roll-up without the PMs: far fewer rows. The settled days are
        // unnested once and joined: "day = any(cast(:settled as date[]))" parsed the array again
        // for every row (array input is not folded), 50 ms for a month by PM at 10^7 interventions
        String rollUpTable = groupBy == GroupBy.PM ? "intervention_day" : "intervention_day_do";
        String sql = """
                select key, cast(sum(interventions) as bigint) as interventions,
                       cast(sum(with_impact) as bigint) as with_impact, cast(sum(customers) as bigint) as customers
                from (select %s as key, count(*) as interventions,
                             count(*) filter (where i.impacted_customers > 0) as with_impact,
                             coalesce(sum(i.impacted_customers), 0) as customers
                      from unnest(cast(:days as date[]), cast(:starts as timestamptz[]), cast(:ends as timestamptz[]))
                           as d(day, starts, ends)
                      join intervention i on i.debut_inter >= d.starts and i.debut_inter < d.ends
                      group by 1
                      union all
                      select %s, sum(r.interventions), sum(r.with_impact), sum(r.customers)
                      from unnest(cast(:settled as date[])) as s(day)
                      join %s r on r.day = s.day
                      group by 1) figures
                group by key having sum(interventions) > 0
                """.formatted(raw, rolled, rollUpTable);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("days", days.toString());
        params.put("starts", starts.toString());
        params.put("ends", ends.toString());
        params.put("settled", settledDays.toString());
        return new Figures(sql, params);
    }

    /** What statistics are grouped by: the DO, the PM, or the day of Debut_Inter (Europe/Paris, yyyy-MM-dd). */
    public enum GroupBy {
        DO("code_do"), PM("pm"), DAY(null);

        private final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }

    private static Statistics statistics(ResultSet rs, int row) throws SQLException {
        return Statistics.of(rs.getString("key"), rs.getLong("interventions"), rs.getLong("with_impact"),
                rs.getLong("customers"));
    }

    private static InterventionSummary summary(ResultSet rs, int row) throws SQLException {
        return new InterventionSummary(rs.getString("ref_interv_oi"), rs.getString("code_do"), rs.getString("ref_interv_do"),
                rs.getString("code_oi"), rs.getString("pm"), Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter"),
                rs.getBoolean("late_start"), rs.getInt("impacted_customers"));
    }
}
