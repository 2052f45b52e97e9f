package fr.eintervention.oc.outage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.eintervention.jdbc.Sql;
import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.web.batch.Faults;
import tools.jackson.databind.JsonNode;

/** The feed of the OC's own interventions, when it is the DO: see {@link OwnIntervention}. */
@Service
public class OwnInterventions {

    static final List<String> FIELDS = List.of("pm", "pto", "from", "to");

    private final JdbcClient jdbc;
    private final Timestamps timestamps;
    private final Clock clock;

    OwnInterventions(JdbcClient jdbc, Timestamps timestamps, Clock clock) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.clock = clock;
    }

    /**
     * Records an own intervention; the same (pm, pto, from) sent again updates its end, so the
     * tool may send the start, then the end.
     */
    public OwnIntervention record(JsonNode body) {
        Faults faults = new Faults();
        FieldReader reader = FieldReader.fromJson(body, FIELDS, timestamps,
                (field, reason) -> faults.add(Fault.of(field, reason)));
        String pm = null;
        String pto = null;
        Instant from = null;
        Instant to = null;
        if (reader != null) {
            pm = reader.pm("pm");
            pto = reader.requiredText("pto", 50);
            from = reader.requiredTimestamp("from");
            to = reader.timestamp("to");
            if (from != null && to != null && to.isBefore(from)) {
                reader.fault("to", "not before from expected");
            }
        }
        faults.throwIfAny();
        jdbc.sql("""
                insert into own_intervention (pm, pto, from_at, to_at, created_at) values (:pm, :pto, :from, :to, :now)
                on conflict (pm, pto, from_at) do update set to_at = excluded.to_at
                """)
                .param("pm", pm).param("pto", pto).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .param("now", Sql.timestamp(Instant.now(clock)))
                .update();
        return new OwnIntervention(pm, pto, timestamps.toOffset(from), to == null ? null : timestamps.toOffset(to));
    }

    /**
     * Deletes the OC's own interventions that started before {@code limit}.
     *
     * @return how many were deleted
     */
    public int deleteStartedBefore(Instant limit) {
        return jdbc.sql("delete from own_intervention where from_at < :limit")
                .param("limit", Sql.timestamp(limit)).update();
    }
}
