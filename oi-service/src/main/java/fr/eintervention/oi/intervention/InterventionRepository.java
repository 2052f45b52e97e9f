package fr.eintervention.oi.intervention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores interventions, their triplets and the audit of accepted M1/M3. */
@Repository
class InterventionRepository {

    private final JdbcClient jdbc;

    InterventionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads and locks the intervention of a DO reference, until the transaction ends. */
    Optional<Intervention> lock(String codeDo, String refDo) {
        return jdbc.sql("select * from intervention where code_do = :codeDo and ref_interv_do = :refDo for update")
                .param("codeDo", codeDo).param("refDo", refDo)
                .query(this::map).optional();
    }

    Optional<Intervention> findByRefOi(String refOi) {
        return jdbc.sql("select * from intervention where ref_interv_oi = :ref")
                .param("ref", refOi).query(this::map).optional();
    }

    /**
     * Inserts a new intervention unless one exists for that DO reference (a concurrent identical
     * message won the race): false then, and the caller loads the winner's.
     */
    boolean insertIfAbsent(Intervention intervention, Instant now) {
        Optional<Long> id = jdbc.sql("""
                insert into intervention (ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter,
                                          start_received, late_start, created_at, updated_at)
                values (:refOi, :codeDo, :refDo, :codeOi, :pm, :debut, :fin, :startReceived, :lateStart, :now, :now)
                on conflict (code_do, ref_interv_do) do nothing
                returning id
                """)
                .param("refOi", intervention.refOi()).param("codeDo", intervention.codeDo())
                .param("refDo", intervention.refDo()).param("codeOi", intervention.codeOi())
                .param("pm", intervention.pm()).param("debut", timestamp(intervention.debut()))
                .param("fin", timestamp(intervention.fin())).param("startReceived", intervention.startReceived())
                .param("lateStart", intervention.lateStart()).param("now", timestamp(now))
                .query(Long.class).optional();
        id.ifPresent(value -> {
            intervention.assignId(value);
            insertNatures(intervention);
        });
        return id.isPresent();
    }

    void update(Intervention intervention, Instant now) {
        jdbc.sql("""
                update intervention set code_oi = :codeOi, pm = :pm, debut_inter = :debut, fin_inter = :fin,
                       start_received = :startReceived, late_start = :lateStart, updated_at = :now
                where id = :id
                """)
                .param("codeOi", intervention.codeOi()).param("pm", intervention.pm())
                .param("debut", timestamp(intervention.debut())).param("fin", timestamp(intervention.fin()))
                .param("startReceived", intervention.startReceived()).param("lateStart", intervention.lateStart())
                .param("now", timestamp(now)).param("id", intervention.id())
                .update();
        jdbc.sql("delete from intervention_nature where intervention_id = :id").param("id", intervention.id()).update();
        insertNatures(intervention);
    }

    void recordMessage(Intervention intervention, String kind, Outcome outcome, Instant receivedAt, String payload) {
        jdbc.sql("""
                insert into intervention_message (intervention_id, kind, outcome, received_at, payload)
                values (:id, :kind, :outcome, :receivedAt, cast(:payload as jsonb))
                """)
                .param("id", intervention.id()).param("kind", kind).param("outcome", outcome.name())
                .param("receivedAt", timestamp(receivedAt)).param("payload", payload)
                .update();
    }

    private void insertNatures(Intervention intervention) {
        List<NatureEntry> natures = intervention.natures();
        for (int position = 0; position < natures.size(); position++) {
            NatureEntry entry = natures.get(position);
            jdbc.sql("""
                    insert into intervention_nature (intervention_id, position, nature, pbo, pto)
                    values (:id, :position, :nature, :pbo, :pto)
                    """)
                    .param("id", intervention.id()).param("position", position).param("nature", entry.nature())
                    .param("pbo", entry.pbo()).param("pto", entry.pto())
                    .update();
        }
    }

    private List<NatureEntry> natures(long interventionId) {
        return jdbc.sql("select nature, pbo, pto from intervention_nature where intervention_id = :id order by position")
                .param("id", interventionId)
                .query((rs, n) -> new NatureEntry(rs.getInt("nature"), rs.getString("pbo"), rs.getString("pto")))
                .list();
    }

    private Intervention map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return Intervention.restore(id, rs.getString("ref_interv_oi"), rs.getString("code_do"),
                rs.getString("ref_interv_do"), rs.getString("code_oi"), rs.getString("pm"), natures(id),
                instant(rs, "debut_inter"), instant(rs, "fin_inter"),
                rs.getBoolean("start_received"), rs.getBoolean("late_start"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
