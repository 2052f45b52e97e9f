package fr.eintervention.oi.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/**
 * The statistics read settled days from their daily roll-up and the rest from the interventions,
 * and give exactly what the interventions give, whatever changes after a day is settled
 * (docs/decisions/0012-daily-statistics-roll-up.md).
 */
class DailyRollUpTest extends OiServiceTestSupport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Timestamps timestamps;
    @Autowired
    Clock clock;

    private final LocalDate today = LocalDate.now(PARIS);

    @Test
    void settledDaysEdgesAndRecentDaysGiveWhatTheInterventionsGiveBeforeAndAfterChanges() {
        for (int ago = 26; ago >= 2; ago--) {
            storedDay(today.minusDays(ago), "DOR", ago);
        }
        // an M1 of long ago through HTTP, corrected once its day is settled
        String oldRefDo = newRef();
        OffsetDateTimeText oldStart = at(today.minusDays(10), 10, 0);
        assertThat(declare(m1(oldRefDo, "FI-35238-0001", oldStart.text())).status()).isEqualTo(200);
        // recent days: M1s through HTTP
        assertThat(declare(m1(newRef(), "FI-35238-0001", at(today.minusDays(1), 9, 15).text())).status()).isEqualTo(200);
        assertThat(declare(m1(newRef(), "FI-35238-0002", at(today.minusDays(1), 23, 59).text())).status()).isEqualTo(200);
        assertThat(declare(m1(newRef(), "FI-35238-0001", new OffsetDateTimeText(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .text())).status()).isEqualTo(200);

        // from in the middle of a day, to in the middle of tomorrow
        Instant from = at(today.minusDays(25), 9, 30).instant();
        Instant to = at(today.plusDays(1), 12, 0).instant();
        assertAllGroupingsExact(from, to);

        // the whole days that ended two days ago are settled (the edge day may be, by other
        // queries: this one read it raw), the recent ones are not
        assertThat(settledDays(today.minusDays(26), today.plusDays(1)))
                .containsAll(today.minusDays(24).datesUntil(today.minusDays(2)).toList())
                .doesNotContain(today.minusDays(2), today.minusDays(1), today);
        assertThat(jdbc.sql("select count(*) from intervention_day where code_do like 'DOR%'").query(Long.class).single())
                .isPositive();
        assertRollUpExact();

        // after settling: a correction that moves an old intervention to another PM and another day
        assertThat(declare(m1(oldRefDo, "FI-35238-0002", at(today.minusDays(12), 14, 0).text())).status()).isEqualTo(200);
        assertThat(jdbc.sql("select pm from intervention where ref_interv_do = :ref").param("ref", oldRefDo)
                .query(String.class).single()).isEqualTo("FI-35238-0002");
        // a late M1 for a settled day
        assertThat(declare(m1(newRef(), "FI-35238-0001", at(today.minusDays(8), 8, 0).text())).status()).isEqualTo(200);
        // M5s changing the impacted customers long after (as the recount after an M5 does)
        jdbc.sql("""
                update intervention set impacted_customers = 7
                where id = (select min(id) from intervention where code_do = 'DOR1' and impacted_customers = 0
                            and debut_inter >= :from and debut_inter < :to)""")
                .param("from", Timestamp.from(at(today.minusDays(15), 0, 0).instant()))
                .param("to", Timestamp.from(at(today.minusDays(14), 0, 0).instant())).update();
        jdbc.sql("""
                update intervention set impacted_customers = 0
                where debut_inter >= :from and debut_inter < :to and code_do = 'DOR2' and impacted_customers > 0""")
                .param("from", Timestamp.from(at(today.minusDays(16), 0, 0).instant()))
                .param("to", Timestamp.from(at(today.minusDays(15), 0, 0).instant())).update();
        // the retention purge's delete: a whole settled day and part of another, the partial edge day
        jdbc.sql("delete from intervention where code_do like 'DOR%' and debut_inter < :limit")
                .param("limit", Timestamp.from(at(today.minusDays(24), 13, 0).instant())).update();
        jdbc.sql("delete from intervention where code_do like 'DOR%' and debut_inter >= :from and debut_inter < :to")
                .param("from", Timestamp.from(at(today.minusDays(20), 0, 0).instant()))
                .param("to", Timestamp.from(at(today.minusDays(19), 0, 0).instant())).update();

        assertRollUpExact();
        assertAllGroupingsExact(from, to);
        // another period, with other edges
        assertAllGroupingsExact(at(today.minusDays(21), 23, 0).instant(), at(today.minusDays(3), 1, 0).instant());
    }

    @Test
    void concurrentQueriesSettleEachDayOnceAndAgreeWithTheInterventions() throws Exception {
        for (int ago = 60; ago >= 45; ago--) {
            storedDay(today.minusDays(ago), "DOS", ago);
        }
        Instant from = at(today.minusDays(60), 0, 0).instant();
        Instant to = at(today.minusDays(44), 0, 0).instant();
        List<String> expected = raw(from, to, "DO");

        List<JsonHttp.Response> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<JsonHttp.Response>> queries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                queries.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return http.get(statisticsPath(from, to, "DO"));
                }, pool));
            }
            go.countDown();
            for (CompletableFuture<JsonHttp.Response> query : queries) {
                responses.add(query.get());
            }
        } finally {
            pool.shutdown();
        }
        for (JsonHttp.Response response : responses) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(figures(response.json())).containsExactlyElementsOf(expected);
        }
        assertThat(settledDays(today.minusDays(60), today.minusDays(45)))
                .containsExactlyElementsOf(today.minusDays(60).datesUntil(today.minusDays(44)).toList());
        assertRollUpExact();

        // settling again changes nothing
        assertThat(figures(http.get(statisticsPath(from, to, "DO")).json())).containsExactlyElementsOf(expected);
        assertThat(jdbc.sql("select count(*) from settled_day where day between :first and :last")
                .param("first", today.minusDays(60)).param("last", today.minusDays(45)).query(Long.class).single())
                .isEqualTo(16);
        assertRollUpExact();
    }

    @Test
    void daysSettledInAnotherZoneAreDiscarded() {
        LocalDate day = LocalDate.parse("2019-06-01");
        jdbc.sql("""
                insert into settled_day (day, span, zone, settled_at)
                values (:day, tstzrange(:start, :end, '[)'), 'UTC', now())""")
                .param("day", day).param("start", Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("end", Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())).update();
        jdbc.sql("insert into intervention_day values (:day, 'DOZ1', 'PM-Z', 3, 1, 2)").param("day", day).update();
        jdbc.sql("insert into intervention_day_do values (:day, 'DOZ1', 3, 1, 2)").param("day", day).update();

        // a new instance of the service, configured with Europe/Paris
        DailyRollUp rollUp = new DailyRollUp(jdbc, transactions, timestamps, clock);
        rollUp.settledDays(day, day);

        // settled again, in the configured zone, from the interventions (none that day)
        assertThat(jdbc.sql("select zone from settled_day where day = :day").param("day", day).query(String.class).single())
                .isEqualTo("Europe/Paris");
        assertThat(jdbc.sql("select count(*) from intervention_day where day = :day").param("day", day)
                .query(Long.class).single()).isZero();
        assertRollUpExact();
    }

    /** A day of interventions as the OI stores them: 3 DOs, 4 PMs, some with impacted customers, at the day's edges too. */
    private void storedDay(LocalDate day, String doPrefix, int seed) {
        int[][] hours = {{0, 0}, {0, 0}, {3, 17}, {8, 5}, {9, 30}, {9, 31}, {11, 0}, {14, 45}, {17, 20}, {21, 10}, {23, 59}};
        for (int i = 0; i < hours.length; i++) {
            int n = seed * 7 + i;
            Instant start = at(day, hours[i][0], hours[i][1]).instant().plusSeconds(i == 1 ? 0 : n % 60);
            stored(doPrefix + (n % 3), "PM-ROLL-" + (n % 4), start, n % 5 == 0 ? 1 + n % 3 : 0);
        }
    }

    private void stored(String codeDo, String pm, Instant start, int impacted) {
        jdbc.sql("""
                insert into intervention (ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter,
                                          start_received, created_at, updated_at, impacted_customers)
                values (:refOi, :codeDo, :refDo, 'OI01', :pm, :start, :end, true, :start, :start, :impacted)""")
                .param("refOi", "OI01-" + newRef()).param("codeDo", codeDo).param("refDo", newRef()).param("pm", pm)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(start.plus(90, ChronoUnit.MINUTES)))
                .param("impacted", impacted).update();
    }

    private void assertAllGroupingsExact(Instant from, Instant to) {
        for (String by : List.of("DO", "PM", "DAY")) {
            JsonHttp.Response response = http.get(statisticsPath(from, to, by));
            assertThat(response.status()).isEqualTo(200);
            assertThat(figures(response.json())).as("by " + by).containsExactlyElementsOf(raw(from, to, by));
        }
        JsonHttp.Response ranking = http.get("/consultation/statistics/pm-ranking?from=" + from + "&to=" + to
                + "&minInterventions=2&limit=500");
        assertThat(ranking.status()).isEqualTo(200);
        assertThat(figures(ranking.json())).as("ranking").containsExactlyElementsOf(rawRanking(from, to));
    }

    private static String statisticsPath(Instant from, Instant to, String by) {
        return "/consultation/statistics?from=" + from + "&to=" + to + "&by=" + by;
    }

    private static List<String> figures(JsonNode statistics) {
        List<String> figures = new ArrayList<>();
        statistics.forEach(row -> figures.add(row.get("key").asString() + " " + row.get("interventions").asLong() + " "
                + row.get("interventionsWithImpact").asLong() + " " + row.get("impactedCustomers").asLong()));
        return figures;
    }

    /** The figures computed from the interventions themselves. */
    private List<String> raw(Instant from, Instant to, String by) {
        String key = switch (by) {
            case "DO" -> "code_do";
            case "PM" -> "pm";
            default -> "to_char(debut_inter at time zone 'Europe/Paris', 'YYYY-MM-DD')";
        };
        return jdbc.sql("select " + key + """
                         || ' ' || count(*) || ' ' || count(*) filter (where impacted_customers > 0)
                               || ' ' || coalesce(sum(impacted_customers), 0)
                        from intervention where debut_inter >= :from and debut_inter < :to
                        group by %s order by %s""".formatted(key, key))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(String.class).list();
    }

    private List<String> rawRanking(Instant from, Instant to) {
        return jdbc.sql("""
                        select pm || ' ' || count(*) || ' ' || count(*) filter (where impacted_customers > 0)
                               || ' ' || coalesce(sum(impacted_customers), 0)
                        from intervention where debut_inter >= :from and debut_inter < :to
                        group by pm having count(*) >= 2
                        order by count(*) filter (where impacted_customers > 0)::float / count(*) desc, count(*) desc, pm
                        limit 500""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(String.class).list();
    }

    /** Every settled day's rolled-up rows are exactly its interventions' figures, no more, no less. */
    private void assertRollUpExact() {
        String actual = """
                select day, code_do, pm, interventions, with_impact, customers from intervention_day""";
        String expected = """
                select s.day, i.code_do, i.pm, count(*), count(*) filter (where i.impacted_customers > 0),
                       coalesce(sum(i.impacted_customers), 0)
                from settled_day s join intervention i on i.debut_inter >= lower(s.span) and i.debut_inter < upper(s.span)
                group by s.day, i.code_do, i.pm""";
        assertThat(jdbc.sql("select count(*) from ((" + actual + " except " + expected + ") union all ("
                + expected + " except " + actual + ")) difference").query(Long.class).single()).isZero();
        String actualPerDo = """
                select day, code_do, interventions, with_impact, customers from intervention_day_do""";
        String expectedPerDo = """
                select s.day, i.code_do, count(*), count(*) filter (where i.impacted_customers > 0),
                       coalesce(sum(i.impacted_customers), 0)
                from settled_day s join intervention i on i.debut_inter >= lower(s.span) and i.debut_inter < upper(s.span)
                group by s.day, i.code_do""";
        assertThat(jdbc.sql("select count(*) from ((" + actualPerDo + " except " + expectedPerDo + ") union all ("
                + expectedPerDo + " except " + actualPerDo + ")) difference").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from settled_day where zone <> 'Europe/Paris'").query(Long.class).single()).isZero();
    }

    private List<LocalDate> settledDays(LocalDate first, LocalDate last) {
        return jdbc.sql("select day from settled_day where day between :first and :last order by day")
                .param("first", first).param("last", last).query((rs, n) -> rs.getObject("day", LocalDate.class)).list();
    }

    private static OffsetDateTimeText at(LocalDate day, int hour, int minute) {
        return new OffsetDateTimeText(day.atTime(hour, minute).atZone(PARIS).toInstant());
    }

    /** An instant, and its text with the Paris offset as the DOs send it. */
    private record OffsetDateTimeText(Instant instant) {
        String text() {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(PARIS).toOffsetDateTime());
        }
    }
}
