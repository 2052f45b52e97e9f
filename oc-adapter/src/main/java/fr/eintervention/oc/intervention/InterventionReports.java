package fr.eintervention.oc.intervention;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.eintervention.jdbc.Sql;

/** The repair reports relayed by the OIs (v2), each body byte for byte, kept with its intervention. */
@Repository
class InterventionReports {

    private final JdbcClient jdbc;

    InterventionReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a report's body; false when the same body was already kept for that intervention. */
    boolean add(long windowId, byte[] body, Instant receivedAt) {
        return jdbc.sql("""
                insert into intervention_report (window_id, body, received_at) values (:windowId, :body, :at)
                on conflict (window_id, md5(body)) do nothing
                """)
                .param("windowId", windowId).param("body", body).param("at", Sql.timestamp(receivedAt))
                .update() == 1;
    }
}
