package fr.eintervention.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.eintervention.localpostgres.LocalPostgres;
import fr.eintervention.testsupport.JsonHttp;

/**
 * The benchmark of the OI's consultation queries and statistics over 1,000,000 interventions
 * (500 PMs, 20 DOs, one year, about 5% with impacted customers), timed over real HTTP.
 * Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java -Dexec.mainClass=fr.eintervention.bench.ConsultationBenchmark}
 */
public final class ConsultationBenchmark {

    private static final int INTERVENTIONS = Integer.getInteger("interventions", 1_000_000);
    private static final int RUNS = 20;

    public static void main(String[] args) throws Exception {
        try (LocalPostgres postgres = BenchSupport.postgres();
                ConfigurableApplicationContext oi = BenchSupport.oi(postgres, Map.of())) {
            JdbcClient jdbc = oi.getBean(JdbcClient.class);
            long start = System.nanoTime();
            jdbc.sql("""
                    insert into intervention (ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter,
                                              start_received, created_at, updated_at, impacted_customers)
                    select 'OI01-BENCH-' || g, 'DO' || lpad((g % 20)::text, 2, '0'), 'REF-' || g, 'OI01',
                           'FI-BENCH-' || (g % 500), d, d + interval '90 minutes', true, d, d,
                           case when g % 20 = 0 then 1 + g % 3 else 0 end
                    from generate_series(1, :n) g,
                         lateral (select timestamptz '2026-01-01 00:00:00+00' + (g * interval '31 seconds') as d) t
                    """).param("n", INTERVENTIONS).update();
            jdbc.sql("vacuum analyze intervention").update(); // as autovacuum would have done: index-only scans need the visibility map
            System.out.printf("loaded %,d interventions in %.1f s%n", INTERVENTIONS, (System.nanoTime() - start) / 1e9);

            JsonHttp http = JsonHttp.at(BenchSupport.port(oi));
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("list by PM (page 1, 50)", "/consultation/interventions?pm=FI-BENCH-42");
            queries.put("list by DO over a month", "/consultation/interventions?codeDo=DO07&from=2026-03-01&to=2026-04-01");
            queries.put("list IMPACTED over a week", "/consultation/interventions?state=IMPACTED&from=2026-05-01&to=2026-05-08");
            queries.put("list by PM, page 20", "/consultation/interventions?pm=FI-BENCH-42&page=20&size=50");
            queries.put("one intervention", "/consultation/interventions/OI01-BENCH-123456");
            queries.put("statistics by DO over a year", "/consultation/statistics?from=2026-01-01&to=2027-01-01&by=DO");
            queries.put("statistics by PM over a month", "/consultation/statistics?from=2026-06-01&to=2026-07-01&by=PM");
            queries.put("statistics by DO over a month", "/consultation/statistics?from=2026-06-01&to=2026-07-01&by=DO");
            queries.put("PM ranking over a year", "/consultation/statistics/pm-ranking?from=2026-01-01&to=2027-01-01");
            System.out.printf("%-34s %10s %10s %10s%n", "query", "p50 ms", "max ms", "status");
            for (Map.Entry<String, String> query : queries.entrySet()) {
                double[] millis = new double[RUNS];
                int status = 0;
                for (int run = -3; run < RUNS; run++) { // 3 warm-up runs
                    long begin = System.nanoTime();
                    status = http.get(query.getValue()).status();
                    if (run >= 0) {
                        millis[run] = (System.nanoTime() - begin) / 1e6;
                    }
                }
                System.out.printf("%-34s %10.1f %10.1f %10d%n", query.getKey(), BenchSupport.percentile(millis, 50),
                        BenchSupport.percentile(millis, 100), status);
            }
        }
    }
}
