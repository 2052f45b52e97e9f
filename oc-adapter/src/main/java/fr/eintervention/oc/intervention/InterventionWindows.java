package fr.eintervention.oc.intervention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.eintervention.jdbc.Sql;

/** Stores the interventions received in M2/M4, one row per (Code_OI, Ref_Interv_OI). */
@Repository
class InterventionWindows {

    private final JdbcClient jdbc;

    InterventionWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads and locks an intervention until the transaction ends. */
    Optional<InterventionWindow> lock(String codeOi, String refOi) {
        return jdbc.sql("select * from intervention_window where code_oi = :codeOi and ref_interv_oi = :refOi for update")
                .param("codeOi", codeOi).param("refOi", refOi)
                .query(InterventionWindows::map).optional();
    }

    /**
     * Inserts a new intervention unless one exists for that reference (a concurrent identical
     * message won the race): false then, and the caller applies its message to the winner's row.
     */
    boolean insertIfAbsent(InterventionWindow window, Instant now, String traceparent) {
        Optional<Long> id = jdbc.sql("""
                insert into intervention_window (code_oi, ref_interv_oi, pm, pbo, debut_inter, fin_inter,
                                                 m4_received_at, m5_due_at, created_at, updated_at, traceparent,
                                                 protocol_version, ref_pm_technique, element_reseau, description,
                                                 date_test_fin_froid)
                values (:codeOi, :refOi, :pm, :pbo, :start, :end, :m4ReceivedAt, :m5DueAt, :now, :now, :traceparent,
                        :version, :refPmTechnique, :elementReseau, :description, :dateTestFinFroid)
                on conflict (code_oi, ref_interv_oi) do nothing
                returning id
                """)
                .param("codeOi", window.codeOi()).param("refOi", window.refOi())
                .params(fields(window)).param("now", Sql.timestamp(now)).param("traceparent", traceparent)
                .query(Long.class).optional();
        id.ifPresent(window::assignId);
        return id.isPresent();
    }

    /** Stores what the message changed, and its trace (the one the intervention's M5 will continue). */
    void update(InterventionWindow window, Instant now, String traceparent) {
        jdbc.sql("""
                update intervention_window set pm = :pm, pbo = :pbo, debut_inter = :start, fin_inter = :end,
                       m4_received_at = :m4ReceivedAt, m5_due_at = :m5DueAt, updated_at = :now,
                       protocol_version = :version, ref_pm_technique = :refPmTechnique,
                       element_reseau = :elementReseau, description = :description,
                       date_test_fin_froid = :dateTestFinFroid,
                       traceparent = coalesce(:traceparent, traceparent)
                where id = :id
                """)
                .params(fields(window)).param("now", Sql.timestamp(now)).param("id", window.id())
                .param("traceparent", traceparent)
                .update();
    }

    private static Map<String, Object> fields(InterventionWindow window) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("pm", window.pm());
        fields.put("pbo", window.pbos().toArray(String[]::new));
        fields.put("start", Sql.timestamp(window.start()));
        fields.put("end", Sql.timestamp(window.end()));
        fields.put("m4ReceivedAt", Sql.timestamp(window.m4ReceivedAt()));
        fields.put("m5DueAt", Sql.timestamp(window.m5DueAt()));
        WindowMessage.Details details = window.details();
        fields.put("version", details.version());
        fields.put("refPmTechnique", details.refPmTechnique());
        fields.put("elementReseau", details.elementReseau());
        fields.put("description", details.description());
        fields.put("dateTestFinFroid", Sql.timestamp(details.dateTestFinFroid()));
        return fields;
    }

    private static InterventionWindow map(ResultSet rs, int row) throws SQLException {
        return InterventionWindow.restore(rs.getLong("id"), rs.getString("code_oi"), rs.getString("ref_interv_oi"),
                rs.getString("pm"), Sql.strings(rs, "pbo"), Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter"),
                Sql.instant(rs, "m4_received_at"), Sql.instant(rs, "m5_due_at"),
                new WindowMessage.Details(rs.getString("protocol_version"), rs.getString("ref_pm_technique"),
                        rs.getString("element_reseau"), rs.getString("description"),
                        Sql.instant(rs, "date_test_fin_froid")));
    }
}
