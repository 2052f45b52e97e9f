package fr.eintervention.oi.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.eintervention.protocol.Timestamps;

/** The statistics of the interventions by DO, by PM or by day, and the PMs ranked by incident rate. Read-only. */
@Service
public class StatisticsQueries {

    private final JdbcClient jdbc;
    private final DailyRollUp rollUp;
    private final ZoneId zone;

    StatisticsQueries(JdbcClient jdbc, DailyRollUp rollUp, Timestamps timestamps) {
        this.jdbc = jdbc;
        this.rollUp = rollUp;
        this.zone = timestamps.zone();
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
                .query(StatisticsQueries::statistics)
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
                .query(StatisticsQueries::statistics)
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
}
