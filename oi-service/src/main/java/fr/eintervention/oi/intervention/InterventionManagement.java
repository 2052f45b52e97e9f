package fr.eintervention.oi.intervention;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.eintervention.jdbc.Sql;

/**
 * What other capabilities may read of an intervention, and the few writes they ask of the
 * package that owns its table: its impact once an M5 is stored, its deletion once past retention.
 */
@Component
public class InterventionManagement {

    /** An intervention's identity and window ({@code end} is null until M3). */
    public record Window(long id, String refOi, String pm, Instant start, Instant end) {

        /** The outage time lies within [Debut_Inter, Fin_Inter], bounds included; never before the end is known. */
        public boolean contains(Instant instant) {
            return isEnded() && !instant.isBefore(start) && !instant.isAfter(end);
        }

        /** An M3 was received: the window has an end. */
        public boolean isEnded() {
            return end != null;
        }
    }

    private final JdbcClient jdbc;

    InterventionManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The intervention was withdrawn from that OC: a correction moved it away from the PM the OC
     * was told (docs/explanation/protocol-rules.md, "PM changed by a correction").
     */
    public boolean isWithdrawnFrom(long interventionId, String oc) {
        return jdbc.sql("select count(*) from intervention_withdrawal where intervention_id = :id and oc = :oc")
                .param("id", interventionId).param("oc", oc).query(Long.class).single() > 0;
    }

    /** Locks the intervention's row until the transaction ends (serialises its M5s). */
    public Optional<Window> lockWindow(String refOi) {
        return jdbc.sql("select id, ref_interv_oi, pm, debut_inter, fin_inter from intervention where ref_interv_oi = :ref for update")
                .param("ref", refOi)
                .query((rs, n) -> new Window(rs.getLong("id"), rs.getString("ref_interv_oi"), rs.getString("pm"),
                        Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter")))
                .optional();
    }

    /** The intervention's impact: customers down within its window, whichever OC reported them. */
    public void recountImpactedCustomers(long interventionId) {
        jdbc.sql("""
                update intervention set impacted_customers =
                   (select count(*) from impacted_customer where intervention_id = :id and not outside_window)
                where id = :id
                """).param("id", interventionId).update();
    }

    /**
     * Deletes the interventions that started before {@code limit}, with everything that came with
     * them (triplets, received messages, withdrawals, M5 reports).
     *
     * @return how many interventions were deleted
     */
    public int deleteStartedBefore(Instant limit) {
        return jdbc.sql("delete from intervention where debut_inter < :limit")
                .param("limit", Sql.timestamp(limit)).update();
    }
}
