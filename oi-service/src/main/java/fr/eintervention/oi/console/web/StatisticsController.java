package fr.eintervention.oi.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import fr.eintervention.oi.consultation.Statistics;
import fr.eintervention.oi.consultation.StatisticsQueries;

/**
 * Statistiques over a chosen period: interventions and impacted customers per day, per DO and per
 * PM as charts and tables, the PM ranking with a threshold (the spec's PM blacklist idea), and a
 * CSV export of each table.
 */
@Controller
class StatisticsController {

    /** the most bars in a chart, and rows in the per-PM table (the CSV has them all) */
    static final int SHOWN = 30;
    static final int RANKING = 50;

    private final StatisticsQueries statistics;
    private final ConsoleDates dates;

    StatisticsController(StatisticsQueries statistics, ConsoleDates dates) {
        this.statistics = statistics;
        this.dates = dates;
    }

    /** the longest period shown: about three years (the retention is 400 days by default) */
    static final int MAX_DAYS = 1100;

    /** The period (inclusive days, default the last 30 ending today, at most {@link #MAX_DAYS}) and the ranking's threshold. */
    record Period(String du, String au, Integer seuil) {

        LocalDate first(ConsoleDates dates) {
            LocalDate day = ConsoleDates.parseDay(du);
            LocalDate last = last(dates);
            if (day == null) {
                return last.minusDays(29);
            }
            return day.isBefore(last.minusDays(MAX_DAYS - 1)) ? last.minusDays(MAX_DAYS - 1) : day;
        }

        LocalDate last(ConsoleDates dates) {
            LocalDate day = ConsoleDates.parseDay(au);
            return day != null ? day : dates.today();
        }

        Instant from(ConsoleDates dates) {
            return dates.startOf(first(dates));
        }

        Instant to(ConsoleDates dates) {
            return dates.startOf(last(dates).plusDays(1));
        }

        int threshold() {
            return seuil == null || seuil < 1 ? 5 : seuil;
        }
    }

    @GetMapping("/console/statistiques")
    String statistics(Period period, Model model) {
        Instant from = period.from(dates);
        Instant to = period.to(dates);
        // days as the pages write them (30/11/2026), in the table and the charts alike
        List<Statistics> perDay = statistics.statistics(from, to, StatisticsQueries.GroupBy.DAY).stream()
                .map(day -> new Statistics(dates.shortDay(day.key()), day.interventions(), day.interventionsWithImpact(),
                        day.impactedCustomers(), day.rate()))
                .toList();
        List<Statistics> perDo = statistics.statistics(from, to, StatisticsQueries.GroupBy.DO);
        List<Statistics> perPm = statistics.statistics(from, to, StatisticsQueries.GroupBy.PM).stream()
                .sorted(Comparator.comparingLong(Statistics::interventions).reversed().thenComparing(Statistics::key))
                .toList();
        model.addAttribute("page", "statistics");
        model.addAttribute("du", period.first(dates));
        model.addAttribute("au", period.last(dates));
        model.addAttribute("seuil", period.threshold());
        model.addAttribute("perDay", perDay);
        model.addAttribute("perDo", perDo);
        model.addAttribute("perPm", perPm.subList(0, Math.min(SHOWN, perPm.size())));
        model.addAttribute("pmCount", perPm.size());
        model.addAttribute("ranking", statistics.pmRanking(from, to, period.threshold(), RANKING));
        model.addAttribute("total", perDay.stream().mapToLong(Statistics::interventions).sum());
        model.addAttribute("customers", perDay.stream().mapToLong(Statistics::impactedCustomers).sum());
        model.addAttribute("dayChart", chart("Interventions par jour", perDay, false));
        model.addAttribute("dayCustomersChart", chart("Clients impactés par jour", perDay, true));
        model.addAttribute("doChart", chart("Interventions par DO", perDo, false));
        model.addAttribute("doCustomersChart", chart("Clients impactés par DO", perDo, true));
        model.addAttribute("pmChart", chart("Interventions par PM (les " + SHOWN + " premiers)",
                perPm.subList(0, Math.min(SHOWN, perPm.size())), false));
        model.addAttribute("pmCustomersChart", chart("Clients impactés par PM (les mêmes)",
                perPm.subList(0, Math.min(SHOWN, perPm.size())), true));
        return "console/statistics";
    }

    @GetMapping("/console/statistiques/{table}.csv")
    ResponseEntity<byte[]> export(@PathVariable String table, Period period) {
        Instant from = period.from(dates);
        Instant to = period.to(dates);
        List<Statistics> rows = switch (table) {
            case "jours" -> statistics.statistics(from, to, StatisticsQueries.GroupBy.DAY);
            case "do" -> statistics.statistics(from, to, StatisticsQueries.GroupBy.DO);
            case "pm" -> statistics.statistics(from, to, StatisticsQueries.GroupBy.PM);
            case "classement" -> statistics.pmRanking(from, to, period.threshold(), 500);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        String key = switch (table) {
            case "jours" -> "Jour";
            case "do" -> "Code_DO";
            default -> "PM";
        };
        return CsvTable.download("statistiques-" + table + "-" + period.first(dates) + "-" + period.last(dates) + ".csv",
                List.of(key, "Interventions", "Interventions avec clients impactes", "Clients impactes", "Taux"),
                rows.stream().<List<Object>>map(s -> List.of(s.key(), s.interventions(), s.interventionsWithImpact(),
                        s.impactedCustomers(), s.rate())).toList());
    }

    private static BarChart chart(String title, List<Statistics> rows, boolean customers) {
        return BarChart.of(title, rows.stream().map(Statistics::key).toList(),
                rows.stream().map(s -> customers ? s.impactedCustomers() : s.interventions()).toList());
    }
}
