package fr.eintervention.oi.intervention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.eintervention.jdbc.Sql;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Stores interventions, their triplets and the audit of accepted M1/M3. Each M1/M3 is read in
 * one statement and written in one: it runs for every message a DO sends.
 */
@Repository
class Interventions {

    /** An accepted M1/M3 as received, and what the OI did with it, kept for audit. */
    record Received(String kind, DeclarationOutcome outcome, Instant at, String payload, String version) {
    }

    /** an intervention's columns and its triplets, in order, as a JSON array */
    private static final String SELECT = """
            select i.*, (select coalesce(jsonb_agg(jsonb_build_object('nature', n.nature, 'pbo', n.pbo, 'pto', n.pto)
                                                   order by n.position), '[]')
                         from intervention_nature n where n.intervention_id = i.id) as natures
            from intervention i""";

    /** the triplets of the intervention {@code i}, in order: new ones, or over those it had */
    private static final String NATURES = """
            insert into intervention_nature (intervention_id, position, nature, pbo, pto)
            select i.id, n.position, n.nature, n.pbo, n.pto
            from i, jsonb_to_recordset(cast(:natures as jsonb)) as n(position smallint, nature smallint, pbo varchar, pto varchar)
            on conflict (intervention_id, position)
            do update set nature = excluded.nature, pbo = excluded.pbo, pto = excluded.pto""";

    /** the audit row of the intervention {@code i}'s message */
    private static final String AUDIT = """
            insert into intervention_message (intervention_id, kind, outcome, received_at, payload, protocol_version)
            select i.id, :kind, :outcome, :receivedAt, :payload, :messageVersion from i""";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    Interventions(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Loads and locks the intervention of a DO reference, until the transaction ends. */
    Optional<Intervention> lock(String codeDo, String refDo) {
        return jdbc.sql(SELECT + " where i.code_do = :codeDo and i.ref_interv_do = :refDo for update of i")
                .param("codeDo", codeDo).param("refDo", refDo)
                .query(this::map).optional();
    }

    Optional<Intervention> findByRefOi(String refOi) {
        return jdbc.sql(SELECT + " where i.ref_interv_oi = :ref")
                .param("ref", refOi).query(this::map).optional();
    }

    /**
     * Inserts a new intervention, its triplets and the message that made it, unless one exists
     * for that DO reference (a concurrent identical message won the race): false then, nothing
     * is written, and the caller loads the winner's.
     */
    boolean insertIfAbsent(Intervention intervention, Received message) {
        Optional<Long> id = jdbc.sql("""
                with i as (
                    insert into intervention (ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter,
                                              start_received, late_start, created_at, updated_at, protocol_version, v2_details)
                    values (:refOi, :codeDo, :refDo, :codeOi, :pm, :start, :end, :startReceived, :lateStart, :receivedAt, :receivedAt,
                            :version, cast(:v2 as jsonb))
                    on conflict (code_do, ref_interv_do) do nothing
                    returning id),
                natures as (%s),
                audit as (%s)
                select id from i
                """.formatted(NATURES, AUDIT))
                .param("refOi", intervention.refOi()).param("codeDo", intervention.codeDo())
                .param("refDo", intervention.refDo()).param("codeOi", intervention.codeOi())
                .param("pm", intervention.pm()).param("start", Sql.timestamp(intervention.start()))
                .param("end", Sql.timestamp(intervention.end())).param("startReceived", intervention.startReceived())
                .param("lateStart", intervention.lateStart()).param("natures", natures(intervention))
                .param("version", intervention.version()).param("v2", v2(intervention.v2()))
                .params(audit(message))
                .query(Long.class).optional();
        id.ifPresent(intervention::assignId);
        return id.isPresent();
    }

    /** Stores the intervention as the message left it, with its triplets and the message. */
    void update(Intervention intervention, Received message) {
        // the triplets are overwritten and those beyond the new count deleted: rows apart, so
        // that the statement's parts never touch the same row
        jdbc.sql("""
                with i as (
                    update intervention set code_oi = :codeOi, pm = :pm, debut_inter = :start, fin_inter = :end,
                           start_received = :startReceived, late_start = :lateStart, updated_at = :receivedAt,
                           protocol_version = :version, v2_details = cast(:v2 as jsonb)
                    where id = :id
                    returning id),
                natures as (%s),
                gone as (
                    delete from intervention_nature where intervention_id = :id and position >= :count),
                audit as (%s)
                select count(*) from i
                """.formatted(NATURES, AUDIT))
                .param("codeOi", intervention.codeOi()).param("pm", intervention.pm())
                .param("start", Sql.timestamp(intervention.start())).param("end", Sql.timestamp(intervention.end()))
                .param("startReceived", intervention.startReceived()).param("lateStart", intervention.lateStart())
                .param("id", intervention.id()).param("natures", natures(intervention))
                .param("count", intervention.natures().size())
                .param("version", intervention.version()).param("v2", v2(intervention.v2()))
                .params(audit(message))
                .query(Long.class).single();
    }

    /** Keeps a message that changed nothing (a duplicate), for audit. */
    void recordMessage(Intervention intervention, Received message) {
        jdbc.sql("with i as (select cast(:id as bigint) as id) " + AUDIT)
                .param("id", intervention.id()).params(audit(message))
                .update();
    }

    private static Map<String, Object> audit(Received message) {
        Map<String, Object> params = new HashMap<>();
        params.put("kind", message.kind());
        params.put("outcome", message.outcome().name());
        params.put("receivedAt", Sql.timestamp(message.at()));
        params.put("payload", message.payload());
        params.put("messageVersion", message.version());
        return params;
    }

    /** What a v2 declaration said beyond v1's fields, as JSON; null for one declared in v1. */
    private String v2(V2Details details) {
        return details == null ? null : mapper.writeValueAsString(details);
    }

    /** The triplets as rows of a JSON array: one parameter however many. */
    private String natures(Intervention intervention) {
        ArrayNode rows = mapper.createArrayNode();
        List<NatureEntry> natures = intervention.natures();
        for (int position = 0; position < natures.size(); position++) {
            NatureEntry entry = natures.get(position);
            rows.addObject().put("position", position).put("nature", entry.nature())
                    .put("pbo", entry.pbo()).put("pto", entry.pto());
        }
        return mapper.writeValueAsString(rows);
    }

    private Intervention map(ResultSet rs, int row) throws SQLException {
        List<NatureEntry> natures = new ArrayList<>();
        for (JsonNode entry : mapper.readTree(rs.getString("natures"))) {
            natures.add(new NatureEntry(entry.get("nature").asInt(), text(entry.get("pbo")), text(entry.get("pto"))));
        }
        return Intervention.restore(rs.getLong("id"), rs.getString("ref_interv_oi"), rs.getString("code_do"),
                rs.getString("ref_interv_do"), rs.getString("code_oi"), rs.getString("pm"), natures,
                Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter"),
                rs.getBoolean("start_received"), rs.getBoolean("late_start"), rs.getString("protocol_version"),
                rs.getString("v2_details") == null ? null : mapper.readValue(rs.getString("v2_details"), V2Details.class));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }
}
