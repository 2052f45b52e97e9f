package fr.eintervention.oi.referential;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.eintervention.jdbc.Sql;
import fr.eintervention.oi.referential.ReferentialImport.Content;
import fr.eintervention.oi.referential.ReferentialImport.Mode;
import fr.eintervention.oi.referential.ReferentialImport.Status;
import fr.eintervention.protocol.Fault;

/** The import jobs, their progress and their faults. */
@Component
class ReferentialImports {

    private final JdbcClient jdbc;

    ReferentialImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new job; empty when another one is running (one at a time, across instances). */
    Optional<Long> create(Mode mode, long totalBytes, Instant now) {
        try {
            return Optional.of(jdbc.sql("""
                    insert into referential_import (mode, status, total_bytes, created_at, heartbeat_at)
                    values (:mode, 'RECEIVED', :total, :now, :now) returning id""")
                    .param("mode", mode.name()).param("total", totalBytes).param("now", Sql.timestamp(now))
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    Optional<Long> running() {
        return jdbc.sql("select id from referential_import where status in ('RECEIVED', 'VALIDATING', 'APPLYING')")
                .query(Long.class).optional();
    }

    /** Jobs whose instance stopped writing their heartbeat (it stopped, or crashed) are marked FAILED. */
    void failSilentSince(Instant before, Instant now) {
        jdbc.sql("""
                update referential_import set status = 'FAILED', finished_at = :now,
                    error = 'interrupted: the service running it stopped; nothing was applied'
                where status in ('RECEIVED', 'VALIDATING', 'APPLYING') and heartbeat_at < :before""")
                .param("now", Sql.timestamp(now)).param("before", Sql.timestamp(before)).update();
    }

    void heartbeat(long id, Instant now) {
        jdbc.sql("update referential_import set heartbeat_at = :now where id = :id")
                .param("id", id).param("now", Sql.timestamp(now)).update();
    }

    void content(long id, Content content) {
        jdbc.sql("update referential_import set content = :content where id = :id")
                .param("id", id).param("content", content.name()).update();
    }

    void progress(long id, Status status, long bytesRead, long linesRead, long faultCount) {
        jdbc.sql("""
                update referential_import set status = :status, bytes_read = :bytes, lines_read = :lines, fault_count = :faults
                where id = :id""")
                .param("id", id).param("status", status.name()).param("bytes", bytesRead)
                .param("lines", linesRead).param("faults", faultCount).update();
    }

    /** A fault of a file as stored: its line (the header is line 1), the field and why. */
    static final RowMapper<Fault> FAULT = (rs, row) -> Fault.atLine(rs.getLong("line"), rs.getString("field"), rs.getString("reason"));

    void addFaults(long id, List<Fault> faults) {
        for (Fault fault : faults) {
            jdbc.sql("insert into referential_import_fault (import_id, line, field, reason) values (:id, :line, :field, :reason)")
                    .param("id", id).param("line", fault.line()).param("field", fault.field())
                    .param("reason", fault.reason().length() > 200 ? fault.reason().substring(0, 200) : fault.reason())
                    .update();
        }
    }

    void applied(long id, int added, int updated, int retired, Instant now) {
        jdbc.sql("""
                update referential_import set status = 'APPLIED', bytes_read = total_bytes, added = :added, updated = :updated,
                    retired = :retired, finished_at = :now where id = :id""")
                .param("id", id).param("added", added).param("updated", updated).param("retired", retired)
                .param("now", Sql.timestamp(now)).update();
    }

    void finished(long id, Status status, String error, Instant now) {
        jdbc.sql("update referential_import set status = :status, error = :error, finished_at = :now where id = :id")
                .param("id", id).param("status", status.name())
                .param("error", error == null || error.length() <= 500 ? error : error.substring(0, 500))
                .param("now", Sql.timestamp(now)).update();
    }

    Optional<ReferentialImport> find(long id, int maxFaults) {
        List<Fault> faults = jdbc.sql("""
                select line, field, reason from referential_import_fault where import_id = :id
                order by line, id limit :max""")
                .param("id", id).param("max", maxFaults).query(FAULT).list();
        return jdbc.sql("select * from referential_import where id = :id").param("id", id)
                .query((rs, n) -> {
                    Status status = Status.valueOf(rs.getString("status"));
                    long total = rs.getLong("total_bytes");
                    int percentage = switch (status) {
                        case RECEIVED -> 0;
                        case VALIDATING -> total == 0 ? 0 : (int) (95 * rs.getLong("bytes_read") / total);
                        case APPLYING -> 95;
                        default -> 100;
                    };
                    String content = rs.getString("content");
                    return new ReferentialImport(rs.getLong("id"), content == null ? null : Content.valueOf(content),
                            Mode.valueOf(rs.getString("mode")), status, percentage, rs.getLong("lines_read"),
                            rs.getLong("fault_count"), faults, (Integer) rs.getObject("added"),
                            (Integer) rs.getObject("updated"), (Integer) rs.getObject("retired"), rs.getString("error"),
                            Sql.instant(rs, "created_at"), Sql.instant(rs, "finished_at"));
                })
                .optional();
    }
}
