package fr.eintervention.oi.intervention;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What other capabilities may read of an intervention. */
@Component
public class Interventions {

    /** An intervention's identity and window ({@code fin} is null until M3). */
    public record Window(long id, String refOi, String pm, Instant debut, Instant fin) {

        /** The outage time lies within [Debut_Inter, Fin_Inter], bounds included; never before the end is known. */
        public boolean contains(Instant instant) {
            return isEnded() && !instant.isBefore(debut) && !instant.isAfter(fin);
        }

        /** An M3 was received: the window has an end. */
        public boolean isEnded() {
            return fin != null;
        }
    }

    private final JdbcClient jdbc;

    Interventions(JdbcClient jdbc) {
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
                        rs.getTimestamp("debut_inter").toInstant(),
                        rs.getTimestamp("fin_inter") == null ? null : rs.getTimestamp("fin_inter").toInstant()))
                .optional();
    }
}
