package fr.eintervention.oc.outage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

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
            insert into outage (pm, pto, pbo, tube, fibre, position_pm, down_at, up_at, cause, terminated, received_at,
                                module_pm, position_coupleur_oc, numero_serie_ont, couleur_jarretiere,
                                reference_prestation_prise)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (pm, pto, down_at) do update set
                pbo = coalesce(excluded.pbo, outage.pbo),
                tube = coalesce(excluded.tube, outage.tube),
                fibre = coalesce(excluded.fibre, outage.fibre),
                position_pm = coalesce(excluded.position_pm, outage.position_pm),
                up_at = coalesce(excluded.up_at, outage.up_at),
                cause = case when excluded.cause = 'UNKNOWN' then outage.cause else excluded.cause end,
                terminated = outage.terminated or excluded.terminated,
                received_at = excluded.received_at,
                module_pm = coalesce(excluded.module_pm, outage.module_pm),
                position_coupleur_oc = coalesce(excluded.position_coupleur_oc, outage.position_coupleur_oc),
                numero_serie_ont = coalesce(excluded.numero_serie_ont, outage.numero_serie_ont),
                couleur_jarretiere = coalesce(excluded.couleur_jarretiere, outage.couleur_jarretiere),
                reference_prestation_prise = coalesce(excluded.reference_prestation_prise, outage.reference_prestation_prise)
            """;

    /** The feed has told everything up to its latest event's time (never moved back). */
    private static final String SETTLED = """
            insert into outage_feed (id, settled_up_to) values (1, ?)
            on conflict (id) do update set settled_up_to = greatest(outage_feed.settled_up_to, excluded.settled_up_to)
            """;

    private final JdbcTemplate jdbc;

    OutageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void saveAll(List<Outage> outages, Instant receivedAt) {
        Timestamp received = Sql.timestamp(receivedAt);
        jdbc.batchUpdate(UPSERT, merged(outages), BATCH_SIZE, (statement, outage) -> bind(statement, outage, received));
        outages.stream()
                .flatMap(outage -> Stream.of(outage.downAt(), outage.upAt()))
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .ifPresent(latest -> jdbc.update(SETTLED, Sql.timestamp(latest)));
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
                stored.terminated() || again.terminated(), completed(stored.v2Route(), again.v2Route()));
    }

    private static Outage.V2Route completed(Outage.V2Route stored, Outage.V2Route again) {
        return new Outage.V2Route(or(again.moduleName(), stored.moduleName()),
                or(again.couplerPosition(), stored.couplerPosition()), or(again.ontSerial(), stored.ontSerial()),
                or(again.patchCordColour(), stored.patchCordColour()), or(again.serviceReference(), stored.serviceReference()));
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
        statement.setString(12, outage.v2Route().moduleName());
        statement.setString(13, outage.v2Route().couplerPosition());
        statement.setString(14, outage.v2Route().ontSerial());
        statement.setString(15, outage.v2Route().patchCordColour());
        statement.setString(16, outage.v2Route().serviceReference());
    }
}
