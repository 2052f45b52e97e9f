package fr.eintervention.dogateway.intervention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.dogateway.intervention.SentDeclaration.Status;
import fr.eintervention.jdbc.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Stores interventions and their declarations (M1, M3) with the OI's answers. */
@Repository
class Interventions {

    private static final TypeReference<List<NatureEntry>> NATURES = new TypeReference<>() {
    };
    private static final TypeReference<List<ReportLine>> LINES = new TypeReference<>() {
    };

    /** A repair report as queued: its lines and the engine's message carrying it. */
    record StoredReport(List<ReportLine> linesImpacted, List<ReportLine> linesRestored, long deliveryId, Instant queuedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    Interventions(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Optional<Intervention> find(String ref) {
        return jdbc.sql("select * from intervention where ref_interv_do = :ref")
                .param("ref", ref).query(this::map).optional();
    }

    /** Loads and locks an intervention until the transaction ends (one change at a time). */
    Optional<Intervention> lock(String ref) {
        return jdbc.sql("select * from intervention where ref_interv_do = :ref for update")
                .param("ref", ref).query(this::map).optional();
    }

    Optional<Intervention> findByCapture(String technicianId, String captureId) {
        return jdbc.sql("select * from intervention where technician_id = :technician and capture_id = :capture")
                .param("technician", technicianId).param("capture", captureId).query(this::map).optional();
    }

    /** The technician's periods started in [from, to), and those still open, by start. */
    List<Intervention> ofTechnician(String technicianId, Instant from, Instant to) {
        return jdbc.sql("""
                select * from intervention
                where technician_id = :technician
                  and ((debut_inter >= :from and debut_inter < :to) or fin_inter is null)
                order by debut_inter, id
                """)
                .param("technician", technicianId).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .query(this::map).list();
    }

    /**
     * Inserts a new intervention, unless the same capture (technician, capture id) was inserted
     * concurrently: false then, and the caller loads that one.
     */
    boolean insertIfAbsent(Intervention intervention, Instant now) {
        Content content = intervention.content();
        Optional<Long> id = jdbc.sql("""
                insert into intervention (ref_interv_do, technician_id, capture_id, code_oi, pm, natures,
                                          debut_inter, fin_inter, end_natures, start_clock_offset_s,
                                          end_clock_offset_s, created_at, updated_at)
                values (:ref, :technician, :capture, :codeOi, :pm, cast(:natures as jsonb),
                        :start, :end, cast(:endNatures as jsonb), :startOffset, :endOffset, :now, :now)
                on conflict (technician_id, capture_id) do nothing
                returning id
                """)
                .param("ref", intervention.ref()).param("technician", intervention.technicianId())
                .param("capture", intervention.captureId()).param("codeOi", content.codeOi())
                .param("pm", content.pm()).param("natures", json(content.natures()))
                .param("start", Sql.timestamp(content.start())).param("end", Sql.timestamp(content.end()))
                .param("endNatures", json(content.endNatures())).param("now", Sql.timestamp(now))
                .param("startOffset", intervention.deviceClock().startOffsetSeconds(), java.sql.Types.INTEGER)
                .param("endOffset", intervention.deviceClock().endOffsetSeconds(), java.sql.Types.INTEGER)
                .query(Long.class).optional();
        id.ifPresent(intervention::assignId);
        return id.isPresent();
    }

    void update(Intervention intervention, Instant now) {
        Content content = intervention.content();
        jdbc.sql("""
                update intervention set code_oi = :codeOi, pm = :pm, natures = cast(:natures as jsonb),
                       debut_inter = :start, fin_inter = :end, end_natures = cast(:endNatures as jsonb),
                       start_clock_offset_s = :startOffset, end_clock_offset_s = :endOffset, updated_at = :now
                where id = :id
                """)
                .param("codeOi", content.codeOi()).param("pm", content.pm()).param("natures", json(content.natures()))
                .param("start", Sql.timestamp(content.start())).param("end", Sql.timestamp(content.end()))
                .param("endNatures", json(content.endNatures())).param("now", Sql.timestamp(now))
                .param("startOffset", intervention.deviceClock().startOffsetSeconds(), java.sql.Types.INTEGER)
                .param("endOffset", intervention.deviceClock().endOffsetSeconds(), java.sql.Types.INTEGER)
                .param("id", intervention.id())
                .update();
    }

    /** A declaration (re)queued: it now follows that engine message, its previous outcome is gone. */
    void saveQueued(Intervention intervention, SentDeclaration declaration) {
        jdbc.sql("""
                insert into declaration (intervention_id, kind, delivery_id, status, queued_at)
                values (:id, :kind, :delivery, 'QUEUED', :queuedAt)
                on conflict (intervention_id, kind) do update
                   set delivery_id = excluded.delivery_id, status = 'QUEUED', queued_at = excluded.queued_at,
                       attempts = 0, ref_interv_oi = null, answer_code = null, answer_label = null,
                       answer_description = null, answered_at = null
                """)
                .param("id", intervention.id()).param("kind", declaration.kind().name())
                .param("delivery", declaration.deliveryId()).param("queuedAt", Sql.timestamp(declaration.queuedAt()))
                .update();
    }

    /**
     * Records what became of an engine message. Matched on the message id: an outcome of a
     * version since replaced by a correction changes nothing.
     *
     * @return false when no declaration follows that message
     */
    boolean recordOutcome(long deliveryId, Status status, int attempts, OiAnswer answer, Instant at) {
        return jdbc.sql("""
                update declaration set status = :status, attempts = :attempts, ref_interv_oi = :refOi,
                       answer_code = :code, answer_label = :label, answer_description = :description, answered_at = :at
                where delivery_id = :delivery
                """)
                .param("status", status.name()).param("attempts", attempts)
                .param("refOi", answer == null ? null : answer.refIntervOi())
                .param("code", answer == null ? null : answer.code())
                .param("label", answer == null ? null : answer.label())
                .param("description", answer == null ? null : answer.description())
                .param("at", Sql.timestamp(at)).param("delivery", deliveryId)
                .update() > 0;
    }

    Optional<StoredReport> report(long interventionId) {
        return jdbc.sql("select * from repair_report where intervention_id = :id").param("id", interventionId)
                .query((rs, n) -> new StoredReport(mapper.readValue(rs.getString("lines_impacted"), LINES),
                        mapper.readValue(rs.getString("lines_restored"), LINES), rs.getLong("delivery_id"),
                        Sql.instant(rs, "queued_at")))
                .optional();
    }

    void insertReport(long interventionId, List<ReportLine> impacted, List<ReportLine> restored, long deliveryId, Instant now) {
        jdbc.sql("""
                insert into repair_report (intervention_id, lines_impacted, lines_restored, delivery_id, queued_at)
                values (:id, cast(:impacted as jsonb), cast(:restored as jsonb), :delivery, :now)
                """)
                .param("id", interventionId).param("impacted", mapper.writeValueAsString(impacted))
                .param("restored", mapper.writeValueAsString(restored)).param("delivery", deliveryId)
                .param("now", Sql.timestamp(now))
                .update();
    }

    private List<SentDeclaration> declarations(long interventionId) {
        return jdbc.sql("select * from declaration where intervention_id = :id order by kind")
                .param("id", interventionId)
                .query((rs, n) -> {
                    Integer code = (Integer) rs.getObject("answer_code");
                    String label = rs.getString("answer_label");
                    String refOi = rs.getString("ref_interv_oi");
                    OiAnswer answer = code == null && label == null && refOi == null ? null
                            : new OiAnswer(code, label, rs.getString("answer_description"), refOi);
                    return new SentDeclaration(Kind.valueOf(rs.getString("kind")), rs.getLong("delivery_id"),
                            Status.valueOf(rs.getString("status")), Sql.instant(rs, "queued_at"), rs.getInt("attempts"),
                            answer, Sql.instant(rs, "answered_at"));
                })
                .list();
    }

    /**
     * Deletes the interventions that started before {@code limit}, with their declarations,
     * unless one of their M1/M3 is still queued.
     */
    int deleteStartedBefore(Instant limit) {
        return jdbc.sql("""
                delete from intervention i
                where i.debut_inter < :limit
                  and not exists (select 1 from declaration d where d.intervention_id = i.id and d.status = 'QUEUED')""")
                .param("limit", Sql.timestamp(limit)).update();
    }

    private Intervention map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Content content = new Content(rs.getString("code_oi"), rs.getString("pm"), natures(rs.getString("natures")),
                Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter"), natures(rs.getString("end_natures")));
        return Intervention.restore(id, rs.getString("ref_interv_do"), rs.getString("technician_id"),
                rs.getString("capture_id"), content, declarations(id))
                .withDeviceClock(new DeviceClock((Integer) rs.getObject("start_clock_offset_s"),
                        (Integer) rs.getObject("end_clock_offset_s")));
    }

    private String json(List<NatureEntry> natures) {
        return natures == null ? null : mapper.writeValueAsString(natures);
    }

    private List<NatureEntry> natures(String json) {
        return json == null ? null : mapper.readValue(json, NATURES);
    }
}
