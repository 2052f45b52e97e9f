package fr.eintervention.oi.linetest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.eintervention.jdbc.Sql;
import fr.eintervention.linetest.TestWindow;
import fr.eintervention.linetest.oi.LineTestRules;
import fr.eintervention.linetest.oi.LineTestSeries;
import fr.eintervention.linetest.oi.OcState;
import fr.eintervention.linetest.oi.RecordedTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The line test series of the interventions, stored as their rules record them
 * ({@link LineTestSeries#recorded()}) and brought back under the same rules; and every M3TX, M5TX
 * and M6TX, byte for byte.
 */
@Repository
class Series {

    /** The intervention a line test is about, locked until the transaction ends. */
    record Target(long id, String refOi, String codeDo, String refDo, String codeOi, String pm, Instant start, Instant end) {
    }

    private static final TypeReference<List<RecordedTest>> RECORDED = new TypeReference<>() {
    };
    private static final String TARGET = "select id, ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter from intervention";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    Series(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Optional<Target> lockByDo(String codeDo, String refDo) {
        return jdbc.sql(TARGET + " where code_do = :codeDo and ref_interv_do = :refDo for update")
                .param("codeDo", codeDo).param("refDo", refDo).query(Series::target).optional();
    }

    Optional<Target> lockByRefOi(String refOi) {
        return jdbc.sql(TARGET + " where ref_interv_oi = :ref for update").param("ref", refOi).query(Series::target).optional();
    }

    Optional<Target> lock(long id) {
        return jdbc.sql(TARGET + " where id = :id for update").param("id", id).query(Series::target).optional();
    }

    LineTestSeries load(Target target, LineTestRules rules) {
        return jdbc.sql("select recorded from line_test_series where intervention_id = :id").param("id", target.id())
                .query(String.class).optional()
                .map(json -> LineTestSeries.restore(target.codeDo(), target.start(), rules, mapper.readValue(json, RECORDED)))
                .orElseGet(() -> LineTestSeries.of(target.codeDo(), target.start(), rules));
    }

    void save(Target target, LineTestSeries series, Instant now) {
        List<RecordedTest> recorded = series.recorded();
        long waiting = recorded.stream().flatMap(test -> test.states().values().stream())
                .filter(state -> state == OcState.WAITING).count();
        jdbc.sql("""
                insert into line_test_series (intervention_id, recorded, waiting, updated_at)
                values (:id, cast(:recorded as jsonb), :waiting, :now)
                on conflict (intervention_id) do update set recorded = excluded.recorded, waiting = excluded.waiting,
                    updated_at = excluded.updated_at""")
                .param("id", target.id()).param("recorded", mapper.writeValueAsString(recorded))
                .param("waiting", waiting).param("now", Sql.timestamp(now))
                .update();
    }

    void message(Target target, String kind, Integer numeroTest, String oc, Instant at, String payload) {
        jdbc.sql("""
                insert into line_test_message (intervention_id, kind, numero_test, oc, at, payload)
                values (:id, :kind, :n, :oc, :at, :payload)""")
                .param("id", target.id()).param("kind", kind).param("n", numeroTest).param("oc", oc)
                .param("at", Sql.timestamp(at)).param("payload", payload)
                .update();
    }

    /** The interventions whose series waits for an OC's answer. */
    List<Long> waiting() {
        return jdbc.sql("select intervention_id from line_test_series where waiting > 0 order by updated_at limit 1000")
                .query(Long.class).list();
    }

    /** Whether another intervention on the PM overlaps the window ({@code multiInterventionOI}). */
    boolean otherInterventionOverlaps(Target target, TestWindow window) {
        return jdbc.sql("""
                select exists (select 1 from intervention where pm = :pm and id <> :id and debut_inter <= :to
                               and (fin_inter is null or fin_inter >= :from))""")
                .param("pm", target.pm()).param("id", target.id()).param("to", Sql.timestamp(window.to()))
                .param("from", Sql.timestamp(window.from()))
                .query(Boolean.class).single();
    }

    private static Target target(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Target(rs.getLong("id"), rs.getString("ref_interv_oi"), rs.getString("code_do"), rs.getString("ref_interv_do"),
                rs.getString("code_oi"), rs.getString("pm"), Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter"));
    }
}
