package fr.eintervention.oi.intervention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.ObjectMapper;

/**
 * The OCs an intervention was withdrawn from: those of its former PM, not present at the new
 * one, when a corrected M1/M3 moved it (docs/explanation/protocol-rules.md, "PM changed
 * by a correction"). Each keeps what it was told: the former PM, Debut_Inter and PBOs.
 */
@Repository
class Withdrawals {

    /** One OC's withdrawal. */
    record Withdrawal(String oc, String pm, Instant start, List<String> pbos, Instant at) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    Withdrawals(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    void add(long interventionId, Withdrawal withdrawal) {
        jdbc.sql("""
                insert into intervention_withdrawal (intervention_id, oc, pm, debut_inter, pbos, withdrawn_at)
                values (:id, :oc, :pm, :start, :pbos, :at)
                on conflict (intervention_id, oc) do nothing""")
                .param("id", interventionId).param("oc", withdrawal.oc()).param("pm", withdrawal.pm())
                .param("start", Timestamp.from(withdrawal.start()))
                .param("pbos", mapper.writeValueAsString(withdrawal.pbos()))
                .param("at", Timestamp.from(withdrawal.at()))
                .update();
    }

    /** The OCs the intervention is withdrawn from. */
    Set<String> ocs(long interventionId) {
        return new HashSet<>(jdbc.sql("select oc from intervention_withdrawal where intervention_id = :id")
                .param("id", interventionId).query(String.class).list());
    }

    /** Those OCs are at the intervention's PM again (moved back): no longer withdrawn. */
    void cancel(long interventionId, List<String> ocs) {
        if (!ocs.isEmpty()) {
            jdbc.sql("delete from intervention_withdrawal where intervention_id = :id and oc in (:ocs)")
                    .param("id", interventionId).param("ocs", ocs).update();
        }
    }

    Optional<Withdrawal> find(String refOi, String oc) {
        return jdbc.sql("""
                select w.oc, w.pm, w.debut_inter, w.pbos, w.withdrawn_at
                from intervention_withdrawal w join intervention i on i.id = w.intervention_id
                where i.ref_interv_oi = :ref and w.oc = :oc""")
                .param("ref", refOi).param("oc", oc)
                .query((rs, n) -> {
                    List<String> pbos = new ArrayList<>();
                    mapper.readTree(rs.getString("pbos")).forEach(pbo -> pbos.add(pbo.asString()));
                    return new Withdrawal(rs.getString("oc"), rs.getString("pm"),
                            rs.getTimestamp("debut_inter").toInstant(), pbos, rs.getTimestamp("withdrawn_at").toInstant());
                })
                .optional();
    }
}
