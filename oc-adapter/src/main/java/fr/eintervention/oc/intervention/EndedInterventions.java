package fr.eintervention.oc.intervention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.eintervention.jdbc.Sql;

/** What flux 3 may read and record of the interventions: the M5s due and their sending. */
@Component
public class EndedInterventions {

    /** An ended intervention, as its M5 needs it. */
    public record Ended(long id, String codeOi, String refOi, String pm, Instant start, Instant end, String traceparent) {

        /** The instant lies within [Debut_Inter, Fin_Inter], bounds included. */
        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && !instant.isAfter(end);
        }
    }

    private final JdbcClient jdbc;

    EndedInterventions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The interventions whose M5 is due at {@code now}, the most overdue first. */
    public List<Long> dueForM5(Instant now, int limit) {
        return jdbc.sql("select id from intervention_window where m5_due_at <= :now order by m5_due_at limit :limit")
                .param("now", Sql.timestamp(now)).param("limit", limit)
                .query(Long.class).list();
    }

    /**
     * Locks an intervention whose M5 is still due, until the transaction ends; empty when another
     * instance holds it or when it is no longer due. A corrected M4 waits for that lock.
     */
    public Optional<Ended> lockIfDue(long id, Instant now) {
        return jdbc.sql("""
                select id, code_oi, ref_interv_oi, pm, debut_inter, fin_inter, traceparent from intervention_window
                where id = :id and m5_due_at <= :now
                for update skip locked
                """)
                .param("id", id).param("now", Sql.timestamp(now))
                .query(EndedInterventions::ended).optional();
    }

    /** The M5 was queued as delivery message {@code deliveryId}: nothing is due any more until a corrected M4. */
    public void m5Queued(long id, Instant at, int customers, long deliveryId) {
        jdbc.sql("""
                update intervention_window set m5_due_at = null, m5_sent = m5_sent + 1, m5_last_queued_at = :at,
                       m5_last_customers = :customers, m5_delivery_id = :deliveryId,
                       m5_outcome = null, m5_answer = null, m5_failure = null
                where id = :id
                """)
                .param("id", id).param("at", Sql.timestamp(at)).param("customers", customers)
                .param("deliveryId", deliveryId)
                .update();
    }

    /**
     * The M5 could not be sent at all (e.g. larger than the OI takes): FAILED with the reason,
     * nothing queued; nothing is due any more until a corrected M4.
     */
    public void m5Failed(long id, Instant at, int customers, String reason) {
        jdbc.sql("""
                update intervention_window set m5_due_at = null, m5_last_queued_at = :at, m5_last_customers = :customers,
                       m5_delivery_id = null, m5_outcome = 'FAILED', m5_answer = null, m5_failure = :reason
                where id = :id
                """)
                .param("id", id).param("at", Sql.timestamp(at)).param("customers", customers)
                .param("reason", reason.length() > 300 ? reason.substring(0, 300) : reason)
                .update();
    }

    /** How the delivery of an M5 ended; an outcome of an M5 since replaced by a corrected one is ignored. */
    public void m5Outcome(long deliveryId, String outcome, String answer) {
        jdbc.sql("update intervention_window set m5_outcome = :outcome, m5_answer = :answer where m5_delivery_id = :deliveryId")
                .param("deliveryId", deliveryId).param("outcome", outcome).param("answer", answer)
                .update();
    }

    /** An ended intervention, whatever its M5 state (to render an M5 again). */
    public Optional<Ended> ended(String codeOi, String refOi) {
        return jdbc.sql("""
                select id, code_oi, ref_interv_oi, pm, debut_inter, fin_inter, traceparent from intervention_window
                where code_oi = :codeOi and ref_interv_oi = :refOi and fin_inter is not null
                """)
                .param("codeOi", codeOi).param("refOi", refOi)
                .query(EndedInterventions::ended).optional();
    }

    private static Ended ended(ResultSet rs, int row) throws SQLException {
        return new Ended(rs.getLong("id"), rs.getString("code_oi"), rs.getString("ref_interv_oi"), rs.getString("pm"),
                Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter"), rs.getString("traceparent"));
    }

    /** The M5 could not be prepared: try again later rather than block the others. */
    public void postponeM5(long id, Instant until) {
        jdbc.sql("update intervention_window set m5_due_at = :until where id = :id and m5_due_at is not null")
                .param("id", id).param("until", Sql.timestamp(until))
                .update();
    }

    /**
     * Deletes the interventions that started before {@code limit}, unless an M5 is still due for them.
     *
     * @return how many were deleted
     */
    public int deleteStartedBefore(Instant limit) {
        return jdbc.sql("delete from intervention_window where debut_inter < :limit and m5_due_at is null")
                .param("limit", Sql.timestamp(limit)).update();
    }
}
