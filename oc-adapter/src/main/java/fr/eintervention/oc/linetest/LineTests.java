package fr.eintervention.oc.linetest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.eintervention.jdbc.Sql;

/** The line tests the OIs asked (M4TX), one per (intervention, numeroTest), and their answers. */
@Repository
class LineTests {

    /** A test waiting for its answer. */
    record Waiting(long id, long windowId, int numeroTest) {
    }

    private final JdbcClient jdbc;

    LineTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a test; false when that test of that intervention was already received. */
    boolean add(long windowId, int numeroTest, Instant dateTest, String natureTest, Instant receivedAt, Instant answerBy) {
        return jdbc.sql("""
                insert into line_test (window_id, numero_test, date_test, nature_test, received_at, answer_by)
                values (:windowId, :numeroTest, :dateTest, :natureTest, :receivedAt, :answerBy)
                on conflict (window_id, numero_test) do nothing
                """)
                .param("windowId", windowId).param("numeroTest", numeroTest).param("dateTest", Sql.timestamp(dateTest))
                .param("natureTest", natureTest).param("receivedAt", Sql.timestamp(receivedAt))
                .param("answerBy", Sql.timestamp(answerBy))
                .update() == 1;
    }

    /**
     * The tests whose answer is due: the feed has settled past their time, or their latest
     * time has come; the most overdue first.
     */
    List<Long> due(Instant now, Instant feedSettledUpTo, int limit) {
        return jdbc.sql("""
                select id from line_test
                where answered_at is null and (answer_by <= :now or date_test <= :settledBefore)
                order by answer_by limit :limit
                """)
                // settled once the feed is past the end of dateTest's second (decision 0081)
                .param("now", Sql.timestamp(now))
                .param("settledBefore", Sql.timestamp(feedSettledUpTo == null ? null : feedSettledUpTo.minusSeconds(1)))
                .param("limit", limit)
                .query(Long.class).list();
    }

    /** Locks a test still waiting, until the transaction ends; empty when another instance holds it or it was answered. */
    Optional<Waiting> lockIfWaiting(long id) {
        return jdbc.sql("select id, window_id, numero_test from line_test where id = :id and answered_at is null for update skip locked")
                .param("id", id)
                .query((rs, n) -> new Waiting(rs.getLong("id"), rs.getLong("window_id"), rs.getInt("numero_test")))
                .optional();
    }

    /** Every test received for an intervention: numeroTest → dateTest. */
    Map<Integer, Instant> dateTests(long windowId) {
        Map<Integer, Instant> tests = new TreeMap<>();
        jdbc.sql("select numero_test, date_test from line_test where window_id = :windowId")
                .param("windowId", windowId)
                .query((rs, n) -> tests.put(rs.getInt("numero_test"), Sql.instant(rs, "date_test")))
                .list();
        return tests;
    }

    void answered(long id, Instant at, int customersDown, int linesRestored, long deliveryId) {
        jdbc.sql("""
                update line_test set answered_at = :at, customers_down = :down, lines_restored = :restored,
                       delivery_id = :deliveryId
                where id = :id
                """)
                .param("id", id).param("at", Sql.timestamp(at)).param("down", customersDown)
                .param("restored", linesRestored).param("deliveryId", deliveryId)
                .update();
    }
}
