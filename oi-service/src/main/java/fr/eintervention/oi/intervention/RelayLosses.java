package fr.eintervention.oi.intervention;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.eintervention.jdbc.Sql;
import fr.eintervention.protocol.v2.Loss;

/**
 * What each message relayed to an OC in the other version could not carry, stored in the
 * transaction that queued it (or, for a report a v1 OC cannot receive, instead of it): nothing is
 * dropped silently, and the console shows each such intervention as relayed with loss.
 */
@Repository
class RelayLosses {

    /** A loss as stored: to which OC, in which message, whether that message was sent at all. */
    record Recorded(String partner, String kind, boolean sent, String field, String value, String reason, Instant at) {
    }

    private final JdbcClient jdbc;

    RelayLosses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Intervention intervention, String partner, String kind, boolean sent, List<Loss> losses, Instant at) {
        for (Loss loss : losses) {
            jdbc.sql("""
                    insert into relay_loss (intervention_id, partner, kind, sent, field, value, reason, recorded_at)
                    values (:id, :partner, :kind, :sent, :field, :value, :reason, :at)""")
                    .param("id", intervention.id()).param("partner", partner).param("kind", kind).param("sent", sent)
                    .param("field", cut(loss.field(), 100)).param("value", loss.value()).param("reason", loss.reason())
                    .param("at", Sql.timestamp(at))
                    .update();
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
