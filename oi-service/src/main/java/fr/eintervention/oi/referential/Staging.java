package fr.eintervention.oi.referential;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.eintervention.oi.referential.ReferentialImport.Content;
import fr.eintervention.protocol.Fault;

/**
 * The staging tables of the bulk import: lines are streamed in with PostgreSQL's COPY as they
 * are read, checked there for what needs the whole file (duplicates), and applied to the live
 * tables in the caller's transaction.
 */
@Component
class Staging {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    Staging(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A COPY into the staging table of that content, open until {@link Writer#close()}. */
    Writer writer(long importId, Content content) throws SQLException {
        String sql = content == Content.PMS
                ? "copy referential_import_pm (import_id, line, pm, code_oi, ocs) from stdin (format csv)"
                : "copy referential_import_partner (import_id, line, code, name, base_url, flux3, protocol_version) from stdin (format csv)";
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            return new Writer(importId, connection, connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Gives the planner the staging table's figures: without them (autovacuum has not seen the
     * rows just copied) it may join 200,000 staged lines to the PMs by scanning them once per PM.
     */
    void analyze(Content content) {
        jdbc.sql("analyze " + (content == Content.PMS ? "referential_import_pm" : "referential_import_partner")).update();
    }

    /** Lines whose PM (or partner code) an earlier line of the file already has. */
    List<Fault> duplicates(long importId, Content content, int limit) {
        String table = content == Content.PMS ? "referential_import_pm" : "referential_import_partner";
        String key = content == Content.PMS ? "pm" : "code";
        return jdbc.sql("""
                select line, '%3$s' as field, 'already on line ' || first as reason
                from (select line, min(line) over (partition by %2$s) as first from %1$s where import_id = :id) s
                where line > first order by line limit :limit""".formatted(table, key, content == Content.PMS ? "PM" : "Code"))
                .param("id", importId).param("limit", limit).query(ReferentialImports.FAULT).list();
    }

    long duplicateCount(long importId, Content content) {
        String table = content == Content.PMS ? "referential_import_pm" : "referential_import_partner";
        String key = content == Content.PMS ? "pm" : "code";
        return jdbc.sql("select count(*) - count(distinct %2$s) from %1$s where import_id = :id".formatted(table, key))
                .param("id", importId).query(Long.class).single();
    }

    long count(long importId, Content content) {
        String table = content == Content.PMS ? "referential_import_pm" : "referential_import_partner";
        return jdbc.sql("select count(*) from " + table + " where import_id = :id").param("id", importId)
                .query(Long.class).single();
    }

    /** What applying would change: {added, updated}. Runs in the applying transaction. */
    int[] changes(long importId, Content content) {
        String sql = content == Content.PMS ? """
                select count(*) filter (where p.code is null),
                       count(*) filter (where p.code is not null and (p.code_oi <> s.code_oi or p.retired_at is not null
                           or s.ocs <> coalesce((select array_agg(o.oc order by o.oc) from pm_operator o where o.pm = s.pm),
                                                cast('{}' as varchar[]))))
                from referential_import_pm s left join pm p on p.code = s.pm where s.import_id = :id"""
                : """
                select count(*) filter (where p.code is null),
                       count(*) filter (where p.code is not null
                           and (p.name, p.base_url, p.flux3, p.protocol_version)
                               is distinct from (s.name, s.base_url, s.flux3, coalesce(s.protocol_version, p.protocol_version)))
                from referential_import_partner s left join partner p on p.code = s.code where s.import_id = :id""";
        return jdbc.sql(sql).param("id", importId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    /** Applies the staged PMs; in the caller's transaction. */
    void applyPms(long importId) {
        jdbc.sql("""
                insert into pm (code, code_oi) select pm, code_oi from referential_import_pm where import_id = :id
                on conflict (code) do update set code_oi = excluded.code_oi, retired_at = null
                where pm.code_oi <> excluded.code_oi or pm.retired_at is not null""")
                .param("id", importId).update();
        jdbc.sql("""
                delete from pm_operator o using referential_import_pm s
                where s.import_id = :id and o.pm = s.pm and not (o.oc = any(s.ocs))""")
                .param("id", importId).update();
        jdbc.sql("""
                insert into pm_operator (pm, oc)
                select s.pm, oc from referential_import_pm s, unnest(s.ocs) as oc where s.import_id = :id
                on conflict do nothing""")
                .param("id", importId).update();
    }

    /**
     * Retires the PMs absent from the staged file (they keep their OCs: an M3 of an intervention
     * already started there is still forwarded); in the caller's transaction.
     *
     * @return how many were retired
     */
    int retireAbsentPms(long importId, Instant now) {
        return jdbc.sql("""
                update pm set retired_at = :now where retired_at is null
                and not exists (select 1 from referential_import_pm s where s.import_id = :id and s.pm = pm.code)""")
                .param("id", importId).param("now", java.sql.Timestamp.from(now)).update();
    }

    void applyPartners(long importId) {
        jdbc.sql("""
                insert into partner (code, name, base_url, flux3, protocol_version)
                select s.code, s.name, s.base_url, s.flux3, coalesce(s.protocol_version, p.protocol_version, 'v1')
                from referential_import_partner s left join partner p on p.code = s.code where s.import_id = :id
                on conflict (code) do update set name = excluded.name, base_url = excluded.base_url, flux3 = excluded.flux3,
                    protocol_version = excluded.protocol_version
                where (partner.name, partner.base_url, partner.flux3, partner.protocol_version)
                      is distinct from (excluded.name, excluded.base_url, excluded.flux3, excluded.protocol_version)""")
                .param("id", importId).update();
    }

    /** Empties the staging tables of that import (and of any import interrupted before it). */
    void clear(long importId) {
        jdbc.sql("delete from referential_import_pm where import_id <= :id").param("id", importId).update();
        jdbc.sql("delete from referential_import_partner where import_id <= :id").param("id", importId).update();
    }

    /** Rows written to an open COPY, in blocks of about 64KB. */
    static final class Writer implements AutoCloseable {

        private static final int BLOCK = 64 * 1024;

        private final long importId;
        private final Connection connection;
        private final CopyIn copy;
        private final StringWriter buffer = new StringWriter(BLOCK + 1024);
        private final CSVPrinter printer;
        private boolean ended;

        private Writer(long importId, Connection connection, CopyIn copy) {
            this.importId = importId;
            this.connection = connection;
            this.copy = copy;
            try {
                this.printer = new CSVPrinter(buffer, CSVFormat.POSTGRESQL_CSV);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A PM: its OCs sorted, without duplicates. */
        void pm(long line, String pm, String codeOi, List<String> ocs) throws SQLException {
            row(importId, line, pm, codeOi, "{" + String.join(",", ocs) + "}");
        }

        /** @param protocolVersion {@code null} when the file has no version column: the partner keeps its own */
        void partner(long line, String code, String name, String baseUrl, boolean flux3, String protocolVersion)
                throws SQLException {
            row(importId, line, code, name, baseUrl, flux3, protocolVersion);
        }

        private void row(Object... values) throws SQLException {
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not throw
            }
            if (buffer.getBuffer().length() >= BLOCK) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.getBuffer().setLength(0);
            copy.writeToCopy(bytes, 0, bytes.length);
        }

        /** Ends the COPY: its rows are in the staging table. */
        void end() throws SQLException {
            flush();
            copy.endCopy();
            ended = true;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!ended && copy.isActive()) {
                    copy.cancelCopy();
                }
            } finally {
                connection.close();
            }
        }
    }
}
