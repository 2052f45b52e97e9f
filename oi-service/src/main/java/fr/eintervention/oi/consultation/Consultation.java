package fr.eintervention.oi.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.jdbc.Sql;
import fr.eintervention.oi.consultation.InterventionDetail.Customer;
import fr.eintervention.oi.consultation.InterventionDetail.Delivery;
import fr.eintervention.oi.consultation.InterventionDetail.DoDelivery;
import fr.eintervention.oi.consultation.InterventionDetail.OcView;
import fr.eintervention.oi.linetest.LineTests;
import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.Referential;
import fr.eintervention.web.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Phase 4 of the spec: what the OI aggregated, for its operators, intervention by intervention:
 * the search and one intervention's detail. Read-only. The day's figures are {@link DayWatch}'s,
 * the statistics {@link StatisticsQueries}'.
 */
@Service
public class Consultation {

    private static final String SUMMARY_COLUMNS = """
            ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter, late_start, impacted_customers""";

    private final JdbcClient jdbc;
    private final Deliveries deliveries;
    private final Referential referential;
    private final M5Due m5Due;
    private final ObjectMapper mapper;

    Consultation(JdbcClient jdbc, Deliveries deliveries, Referential referential, M5Due m5Due, ObjectMapper mapper) {
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.referential = referential;
        this.m5Due = m5Due;
    }

    public Page<InterventionSummary> interventions(InterventionFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.pm() != null) {
            where.append(" and pm = :pm");
            params.put("pm", filter.pm());
        }
        if (filter.codeDo() != null) {
            where.append(" and code_do = :codeDo");
            params.put("codeDo", filter.codeDo());
        }
        if (filter.from() != null) {
            where.append(" and debut_inter >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and debut_inter < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.reference() != null) {
            // any part of either reference, case aside: the trigram index on both
            where.append(" and (ref_interv_oi || ' ' || ref_interv_do) ilike :part escape '\\'");
            params.put("part", "%" + filter.reference().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.state() != null) {
            where.append(switch (filter.state()) {
                case OPEN -> " and fin_inter is null";
                case ENDED -> " and fin_inter is not null";
                case IMPACTED -> " and impacted_customers > 0";
            });
        }
        long total = jdbc.sql("select count(*) from intervention" + where).params(params).query(Long.class).single();
        List<InterventionSummary> items = jdbc.sql("select " + SUMMARY_COLUMNS + " from intervention" + where
                        + " order by debut_inter desc, id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(Consultation::summary).list();
        return new Page<>(items, page, size, total);
    }

    /** How many interventions have a line test waiting for an OC's answer (the console's "Aujourd'hui"). */
    public long lineTestsWaiting() {
        return jdbc.sql("select count(*) from line_test_series where waiting > 0").query(Long.class).single();
    }

    public Optional<InterventionDetail> intervention(String refOi) {
        return jdbc.sql("select id, " + SUMMARY_COLUMNS + " from intervention where ref_interv_oi = :ref")
                .param("ref", refOi)
                .query((rs, n) -> detail(rs.getLong("id"), summary(rs, n)))
                .optional();
    }

    private InterventionDetail detail(long id, InterventionSummary summary) {
        List<InterventionDetail.Nature> natures = jdbc.sql(
                        "select nature, pbo, pto from intervention_nature where intervention_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new InterventionDetail.Nature(rs.getInt("nature"), rs.getString("pbo"), rs.getString("pto")))
                .list();
        List<InterventionDetail.ReceivedMessage> messages = jdbc.sql(
                        "select kind, outcome, received_at, payload, protocol_version from intervention_message where intervention_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new InterventionDetail.ReceivedMessage(rs.getString("kind"), rs.getString("outcome"),
                        Sql.instant(rs, "received_at"), rs.getString("payload"), rs.getString("protocol_version")))
                .list();
        List<InterventionDetail.RelayLoss> losses = jdbc.sql("""
                        select partner, kind, sent, field, value, reason, recorded_at from relay_loss
                        where intervention_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new InterventionDetail.RelayLoss(rs.getString("partner"), rs.getString("kind"),
                        rs.getBoolean("sent"), rs.getString("field"), rs.getString("value"), rs.getString("reason"),
                        Sql.instant(rs, "recorded_at")))
                .list();
        Map<String, String> version = jdbc.sql("select protocol_version, v2_details from intervention where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    Map<String, String> row = new java.util.HashMap<>();
                    row.put("version", rs.getString("protocol_version"));
                    row.put("details", rs.getString("v2_details"));
                    return row;
                }).single();
        List<InterventionDetail.LineTestMessage> lineTests = jdbc.sql("""
                        select kind, numero_test, oc, at, payload from line_test_message where intervention_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new InterventionDetail.LineTestMessage(rs.getString("kind"),
                        (Integer) rs.getObject("numero_test"), rs.getString("oc"), Sql.instant(rs, "at"), rs.getString("payload"),
                        answer(rs.getString("kind"), rs.getString("payload"))))
                .list();
        return new InterventionDetail(summary, natures, messages, operators(id, summary), version.get("version"),
                version.get("details"), losses, lineTests, toDo(summary.refIntervOi(), lineTests));
    }

    /** What an OC's answer (M5TX, or the M6TX relaying it) tells: its customers cut and lines restored. */
    private String answer(String kind, String payload) {
        if ("M3TX".equals(kind)) {
            return null;
        }
        JsonNode message = mapper.readTree(payload);
        int down = message.path("clientHSOC").size();
        int restored = message.path("ligneClientRetablie").size();
        String customers = down == 0 ? "aucun client coupé" : down + (down == 1 ? " client coupé" : " clients coupés");
        return restored == 0 ? customers
                : customers + ", " + restored + (restored == 1 ? " ligne rétablie" : " lignes rétablies");
    }

    /** The M6TX queued to the DO, one per OC's answer (a corrected end's answer replaces the first), in order. */
    private List<DoDelivery> toDo(String refOi, List<InterventionDetail.LineTestMessage> lineTests) {
        Map<String, DoDelivery> toDo = new LinkedHashMap<>();
        lineTests.stream().filter(message -> message.kind().equals("M6TX")).forEach(message -> toDo.put(
                LineTests.m6txSubject(refOi, message.oc(), message.numeroTest()),
                new DoDelivery(message.kind(), message.oc(), message.numeroTest(), null)));
        Map<String, List<DeliveryRecord>> sent = deliveries.bySubjects(toDo.keySet()).stream()
                .filter(delivery -> delivery.status() != DeliveryStatus.SUPERSEDED)
                .collect(Collectors.groupingBy(DeliveryRecord::subject));
        return toDo.entrySet().stream().map(entry -> new DoDelivery(entry.getValue().kind(), entry.getValue().oc(),
                entry.getValue().numeroTest(), latest(sent.getOrDefault(entry.getKey(), List.of()), "M6TX"))).toList();
    }

    /** Per OC: every OC the intervention was sent to, and any OC that reported on it. */
    private List<OcView> operators(long id, InterventionSummary summary) {
        Map<String, List<DeliveryRecord>> sent = deliveries.bySubject(summary.refIntervOi()).stream()
                .filter(delivery -> delivery.status() != DeliveryStatus.SUPERSEDED)
                .collect(Collectors.groupingBy(DeliveryRecord::partner));
        Map<String, Instant> reports = new LinkedHashMap<>();
        jdbc.sql("select oc, received_at from oc_report where intervention_id = :id").param("id", id)
                .query((rs, n) -> reports.put(rs.getString("oc"), Sql.instant(rs, "received_at"))).list();
        Map<String, List<Customer>> customers = jdbc.sql("""
                        select oc, pto, pbo, tube, fibre, position_pm, hms_coupure, outside_window
                        from impacted_customer where intervention_id = :id order by hms_coupure, id""")
                .param("id", id)
                .query((rs, n) -> Map.entry(rs.getString("oc"), new Customer(rs.getString("pto"), rs.getString("pbo"),
                        rs.getString("tube"), rs.getString("fibre"), rs.getString("position_pm"),
                        Sql.instant(rs, "hms_coupure"), rs.getBoolean("outside_window"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));

        Map<String, String> withdrawn = new LinkedHashMap<>();
        jdbc.sql("select oc, pm from intervention_withdrawal where intervention_id = :id").param("id", id)
                .query((rs, n) -> withdrawn.put(rs.getString("oc"), rs.getString("pm"))).list();

        Set<String> operators = new TreeSet<>(sent.keySet());
        operators.addAll(reports.keySet());
        List<OcView> views = new ArrayList<>();
        for (String oc : operators) {
            boolean flux3 = referential.partner(oc).map(Partner::flux3).orElse(false);
            List<DeliveryRecord> ocDeliveries = sent.getOrDefault(oc, List.of());
            views.add(new OcView(oc, flux3, latest(ocDeliveries, "M2"), latest(ocDeliveries, "M4"),
                    m5Due.state(flux3 && !withdrawn.containsKey(oc), reports.get(oc), summary.finInter()), reports.get(oc),
                    customers.getOrDefault(oc, List.of()), withdrawn.get(oc)));
        }
        return views;
    }

    private static Delivery latest(List<DeliveryRecord> deliveries, String kind) {
        return deliveries.stream().filter(delivery -> delivery.kind().equals(kind))
                .max(Comparator.comparingLong(DeliveryRecord::id))
                .map(d -> new Delivery(d.id(), d.status().name(), d.attempts(), d.lastAttemptAt(), d.deliveredAt(),
                        d.answerLabel(), d.answerDescription()))
                .orElse(null);
    }

    private static InterventionSummary summary(ResultSet rs, int row) throws SQLException {
        return new InterventionSummary(rs.getString("ref_interv_oi"), rs.getString("code_do"), rs.getString("ref_interv_do"),
                rs.getString("code_oi"), rs.getString("pm"), Sql.instant(rs, "debut_inter"), Sql.instant(rs, "fin_inter"),
                rs.getBoolean("late_start"), rs.getInt("impacted_customers"));
    }
}
