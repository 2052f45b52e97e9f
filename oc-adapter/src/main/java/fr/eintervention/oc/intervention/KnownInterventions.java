package fr.eintervention.oc.intervention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.eintervention.jdbc.Sql;

/** What the line tests may read of the interventions: one received in M2/M4, ended or not. */
@Component
public class KnownInterventions {

    /**
     * An intervention as a line test needs it.
     *
     * @param end {@code null} until M4
     */
    public record Known(long id, String codeOi, String refOi, String pm, Instant start, Instant end, String traceparent) {
    }

    private final JdbcClient jdbc;

    KnownInterventions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT =
            "select id, code_oi, ref_interv_oi, pm, debut_inter, fin_inter, traceparent from intervention_window ";

    public Optional<Known> find(String codeOi, String refOi) {
        return jdbc.sql(SELECT + "where code_oi = :codeOi and ref_interv_oi = :refOi")
                .param("codeOi", codeOi).param("refOi", refOi)
                .query(KnownInterventions::known).optional();
    }

    public Optional<Known> find(long id) {
        return jdbc.sql(SELECT + "where id = :id").param("id", id).query(KnownInterventions::known).optional();
    }

    private static Known known(ResultSet rs, int row) throws SQLException {
        return new Known(rs.getLong("id"), rs.getString("code_oi"), rs.getString("ref_interv_oi"), rs.getString("pm"),
                Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter"), rs.getString("traceparent"));
    }
}
