package fr.eintervention.oc.intervention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.eintervention.jdbc.Sql;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.web.Page;

/** The interventions the OC's own tools look for: on a PM now, or between two dates. */
@Component
public class InterventionSearch {

    private final JdbcClient jdbc;
    private final Timestamps timestamps;

    InterventionSearch(JdbcClient jdbc, Timestamps timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    /**
     * The interventions whose window overlaps [from, to] (both included), most recent start first;
     * one without M4 is taken as still going on.
     *
     * @param pm a PM, or {@code null} for all
     */
    public Page<InterventionView> overlapping(String pm, Instant from, Instant to, int page, int size) {
        Page.check(page, size);
        String where = """
                where (cast(:pm as varchar) is null or pm = :pm)
                  and debut_inter <= :to and (fin_inter is null or fin_inter >= :from)
                """;
        List<InterventionView> items = jdbc.sql("select * from intervention_window " + where
                        + " order by debut_inter desc, id desc limit :size offset :offset")
                .param("pm", pm).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .param("size", size).param("offset", (long) page * size)
                .query(this::view).list();
        long total = jdbc.sql("select count(*) from intervention_window " + where)
                .param("pm", pm).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    private InterventionView view(ResultSet rs, int row) throws SQLException {
        int sent = rs.getInt("m5_sent");
        Instant dueAt = Sql.instant(rs, "m5_due_at");
        InterventionView.M5 m5 = dueAt == null && sent == 0 && rs.getString("m5_outcome") == null ? null : new InterventionView.M5(offset(dueAt), sent,
                offset(Sql.instant(rs, "m5_last_queued_at")), (Integer) rs.getObject("m5_last_customers"),
                (Long) rs.getObject("m5_delivery_id"), rs.getString("m5_outcome"), rs.getString("m5_answer"),
                rs.getString("m5_failure"));
        return new InterventionView(rs.getString("code_oi"), rs.getString("ref_interv_oi"), rs.getString("pm"),
                Sql.strings(rs, "pbo"), offset(Sql.instant(rs, "debut_inter")), offset(Sql.instant(rs, "fin_inter")), m5);
    }

    private OffsetDateTime offset(Instant instant) {
        return instant == null ? null : timestamps.toOffset(instant);
    }
}
