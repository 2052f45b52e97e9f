package fr.eintervention.delivery;

import static fr.eintervention.jdbc.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A {@code delivery_message} row read into a {@link DeliveryRecord}. */
final class DeliveryRows {

    static final String COLUMNS = """
            id, partner, kind, subject, path, payload, status, attempts, next_attempt_at, last_attempt_at,
            last_http_status, answer_code, answer_label, answer_description, answer_body, last_error,
            created_at, updated_at, delivered_at, traceparent, give_up_at""";

    private DeliveryRows() {
    }

    static DeliveryRecord record(ResultSet rs, int row) throws SQLException {
        return new DeliveryRecord(
                rs.getLong("id"),
                rs.getString("partner"),
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getString("path"),
                rs.getString("payload"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"),
                rs.getObject("last_http_status", Integer.class),
                rs.getObject("answer_code", Integer.class),
                rs.getString("answer_label"),
                rs.getString("answer_description"),
                rs.getString("answer_body"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "delivered_at"),
                rs.getString("traceparent"), instant(rs, "give_up_at"));
    }
}
