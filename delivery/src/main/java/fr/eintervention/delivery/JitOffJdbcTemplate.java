package fr.eintervention.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's statements, on the service's connections, with PostgreSQL's JIT compilation off.
 *
 * <p>PostgreSQL compiles a statement whose estimated cost passes {@code jit_above_cost}
 * (100,000 by default; JIT is on by default since PostgreSQL 12). Under a large backlog the
 * claim of due messages is estimated that high (the planner cannot tell how few rows a claim
 * reads), so it was compiled at every claim: 150 to 200 ms of compilation for a statement
 * that runs in a fraction of a millisecond. The engine's statements are all short lookups by
 * index: compiling them never pays.
 *
 * <p>The setting is made once per physical connection ({@code set jit = off}), before the first
 * statement the engine runs on it outside a transaction (a {@code set} in a transaction that
 * rolls back would be undone). The service's own statements on the same connection then run
 * without JIT too: they share the pool. A connection that is not PostgreSQL's is left alone.
 */
final class JitOffJdbcTemplate extends JdbcTemplate {

    private final Set<PGConnection> jitOff = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    JitOffJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        Connection connection = statement.getConnection();
        if (!connection.isWrapperFor(PGConnection.class) || !connection.getAutoCommit()) {
            return;
        }
        PGConnection physical = connection.unwrap(PGConnection.class);
        if (!jitOff.contains(physical)) {
            try (Statement set = connection.createStatement()) {
                set.execute("set jit = off");
            }
            jitOff.add(physical);
        }
    }
}
