package fr.eintervention.oc.outage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.eintervention.jdbc.Sql;

/** Stores outage events by JDBC batches: ten thousand events take a second or two. */
@Repository
class OutageRepository {

    private static final int BATCH_SIZE = 1000;

    /*
     * One row per (PM, PTO, downAt): an event sent again completes the stored one instead of
     * doubling it; known values are kept (an absent PBO, an UNKNOWN cause, a missing terminated
     * flag do not erase what was known) and the restore time is added. Events with an unknown PTO
     * or time never collide (NULLs are distinct) and are stored as they come: M5 ignores them.
     */
    private static final String UPSERT = """
            insert into outage (pm, pto, pbo, tube, fibre, position_pm, down_at, up_at, cause, terminated, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (pm, pto, down_at) do update set
                pbo = coalesce(excluded.pbo, outage.pbo),
                tube = coalesce(excluded.tube, outage.tube),
                fibre = coalesce(excluded.fibre, outage.fibre),
                position_pm = coalesce(excluded.position_pm, outage.position_pm),
                up_at = coalesce(excluded.up_at, outage.up_at),
                cause = case when excluded.cause = 'UNKNOWN' then outage.cause else excluded.cause end,
                terminated = outage.terminated or excluded.terminated,
                received_at = excluded.received_at
            """;

    private final JdbcTemplate jdbc;

    OutageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void saveAll(List<Outage> outages, Instant receivedAt) {
        Timestamp received = Sql.timestamp(receivedAt);
        jdbc.batchUpdate(UPSERT, merged(outages), BATCH_SIZE, (statement, outage) -> bind(statement, outage, received));
    }

    /**
     * The batch with the events it repeats (same PM, PTO and downAt) merged as the upsert merges
     * them, in file order: a row written once, not updated again and again in one transaction (a
     * batch of one event 100,000 times took PostgreSQL minutes).
     */
    static List<Outage> merged(List<Outage> outages) {
        Map<List<Object>, Outage> byKey = new LinkedHashMap<>();
        List<Outage> merged = new ArrayList<>(outages.size());
        for (Outage outage : outages) {
            if (outage.pto() == null || outage.downAt() == null) {
                merged.add(outage); // never collides: stored as it comes
                continue;
            }
            byKey.merge(List.of(outage.pm(), outage.pto(), outage.downAt()), outage, OutageRepository::completed);
        }
        merged.addAll(byKey.values());
        return merged;
    }

    /** The stored event completed by the one sent again, as {@link #UPSERT} does. */
    private static Outage completed(Outage stored, Outage again) {
        return new Outage(stored.pm(), stored.pto(), or(again.pbo(), stored.pbo()), or(again.tube(), stored.tube()),
                or(again.fibre(), stored.fibre()), or(again.position(), stored.position()), stored.downAt(),
                or(again.upAt(), stored.upAt()), again.cause() == Cause.UNKNOWN ? stored.cause() : again.cause(),
                stored.terminated() || again.terminated());
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static void bind(PreparedStatement statement, Outage outage, Timestamp receivedAt) throws SQLException {
        statement.setString(1, outage.pm());
        statement.setString(2, outage.pto());
        statement.setString(3, outage.pbo());
        statement.setString(4, outage.tube());
        statement.setString(5, outage.fibre());
        statement.setString(6, outage.position());
        statement.setTimestamp(7, Sql.timestamp(outage.downAt()));
        statement.setTimestamp(8, Sql.timestamp(outage.upAt()));
        statement.setString(9, outage.cause().name());
        statement.setBoolean(10, outage.terminated());
        statement.setTimestamp(11, receivedAt);
    }
}
