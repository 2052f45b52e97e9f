package fr.eintervention.dogateway.linetest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.eintervention.jdbc.Sql;

/** Stores the line tests asked and the M6TX received, per intervention. */
@Repository
class LineTests {

    /** A test as asked. */
    record AskedTest(int numeroTest, Instant dateTest, Instant receivedAt, boolean late, long deliveryId) {
    }

    /** An M6TX as received, byte for byte. */
    record ReceivedAnswer(int numeroTest, String codeOc, byte[] body, Instant receivedAt) {
    }

    /** The intervention an OI's reference names, and the OI that gave it. */
    record Subject(long interventionId, String ref, String codeOi) {
    }

    private final JdbcClient jdbc;

    LineTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> interventionId(String ref) {
        return jdbc.sql("select id from intervention where ref_interv_do = :ref").param("ref", ref).query(Long.class).optional();
    }

    /** The intervention whose OI gave that reference (in its answer to M1 or M3). */
    Optional<Subject> byRefIntervOi(String refIntervOi) {
        return jdbc.sql("""
                select distinct i.id, i.ref_interv_do, i.code_oi from declaration d join intervention i on i.id = d.intervention_id
                where d.ref_interv_oi = :ref
                """)
                .param("ref", refIntervOi)
                .query((rs, n) -> new Subject(rs.getLong("id"), rs.getString("ref_interv_do"), rs.getString("code_oi")))
                .list().stream().findFirst();
    }

    /** Serialises the tests of one intervention until the transaction ends. */
    void lock(long interventionId) {
        jdbc.sql("select id from intervention where id = :id for update").param("id", interventionId).query(Long.class).optional();
    }

    List<AskedTest> asked(long interventionId) {
        return jdbc.sql("select * from line_test where intervention_id = :id order by numero_test").param("id", interventionId)
                .query((rs, n) -> new AskedTest(rs.getInt("numero_test"), Sql.instant(rs, "date_test"),
                        Sql.instant(rs, "received_at"), rs.getBoolean("late"), rs.getLong("delivery_id")))
                .list();
    }

    void insert(long interventionId, AskedTest test) {
        jdbc.sql("""
                insert into line_test (intervention_id, numero_test, date_test, received_at, late, delivery_id)
                values (:id, :numero, :dateTest, :receivedAt, :late, :delivery)
                """)
                .param("id", interventionId).param("numero", test.numeroTest())
                .param("dateTest", Sql.timestamp(test.dateTest())).param("receivedAt", Sql.timestamp(test.receivedAt()))
                .param("late", test.late()).param("delivery", test.deliveryId())
                .update();
    }

    /** Keeps an answer: a test's first answer from an OC stays, the end's (0) is replaced by a later one. */
    void keep(long interventionId, ReceivedAnswer answer) {
        jdbc.sql("""
                insert into line_test_answer (intervention_id, numero_test, code_oc, body, received_at)
                values (:id, :numero, :oc, :body, :at)
                on conflict (intervention_id, numero_test, code_oc) do update
                   set body = excluded.body, received_at = excluded.received_at
                   where line_test_answer.numero_test = 0
                """)
                .param("id", interventionId).param("numero", answer.numeroTest()).param("oc", answer.codeOc())
                .param("body", answer.body()).param("at", Sql.timestamp(answer.receivedAt()))
                .update();
    }

    List<ReceivedAnswer> answers(long interventionId) {
        return jdbc.sql("select * from line_test_answer where intervention_id = :id order by received_at")
                .param("id", interventionId)
                .query((rs, n) -> new ReceivedAnswer(rs.getInt("numero_test"), rs.getString("code_oc"), rs.getBytes("body"),
                        Sql.instant(rs, "received_at")))
                .list();
    }
}
