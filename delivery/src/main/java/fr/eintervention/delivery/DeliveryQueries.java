package fr.eintervention.delivery;

import static fr.eintervention.delivery.DeliveryRows.COLUMNS;
import static fr.eintervention.jdbc.Sql.instant;
import static fr.eintervention.jdbc.Sql.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.eintervention.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements on {@code delivery_message} behind the consultation screens and the admin API:
 * find, search, backlog per partner, an operator's re-send, a service's retention; and on
 * {@code delivery_attempt}: each message's attempts, each partner's recent calls.
 */
final class DeliveryQueries {

    private final JdbcClient jdbc;

    DeliveryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts a message back to be sent now, the retry schedule started afresh, with a new body if
     * given. Empty when the message is not (or no longer) in one of the given statuses.
     */
    Optional<DeliveryRecord> requeue(long id, Collection<DeliveryStatus> from, String payload, Instant now,
            Instant giveUpAt) {
        return jdbc.sql("""
                update delivery_message
                set status = 'PENDING', attempts = 0, next_attempt_at = :now, payload = coalesce(:payload, payload),
                    delivered_at = null, updated_at = :now, give_up_at = :giveUpAt, unreported = false
                where id = :id and status in (:from)
                returning %s
                """.formatted(COLUMNS))
                .param("id", id).param("from", from.stream().map(Enum::name).toList())
                .param("payload", payload).param("now", timestamp(now)).param("giveUpAt", timestamp(giveUpAt))
                .query(DeliveryRows::record).optional();
    }

    /** Deletes the final messages queued before the limit, with their attempts; how many messages. */
    int deleteFinishedBefore(Instant limit) {
        return jdbc.sql("""
                with gone as (
                    delete from delivery_message
                    where created_at < :limit and status in ('DELIVERED', 'REJECTED', 'FAILED', 'SUPERSEDED') and not unreported
                    returning id),
                attempts as (delete from delivery_attempt a using gone where a.message_id = gone.id)
                select count(*) from gone
                """)
                .param("limit", timestamp(limit)).query(Integer.class).single();
    }

    /** The attempts at the messages given, oldest first. */
    List<DeliveryAttempt> attempts(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select message_id, attempted_at, duration_ms, http_status, answer_code, answer_label, answer_start, error,
                       status, next_attempt_at
                from delivery_attempt where message_id = any(cast(:ids as bigint[]))
                order by message_id, id
                """)
                .param("ids", messageIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .query((rs, row) -> new DeliveryAttempt(rs.getLong("message_id"), instant(rs, "attempted_at"),
                        rs.getObject("duration_ms", Integer.class), rs.getObject("http_status", Integer.class),
                        rs.getObject("answer_code", Integer.class), rs.getString("answer_label"), rs.getString("answer_start"),
                        rs.getString("error"), DeliveryStatus.valueOf(rs.getString("status")), instant(rs, "next_attempt_at")))
                .list();
    }

    /** What the calls to a partner gave since a moment. */
    record CallFigures(String partner, long attempts, long delivered, Double p50, Double p95, long throttled429,
            long unavailable503) {
    }

    /**
     * Per partner (the one given, or each that was called: one step into the index per partner),
     * what its calls since {@code since} gave, from the index on (partner, attempted_at).
     */
    List<CallFigures> callsSince(Instant since, String partner) {
        return jdbc.sql("""
                with recursive partners as (
                    (select partner from delivery_attempt where partner = coalesce(cast(:partner as varchar), partner)
                     order by partner limit 1)
                    union all
                    select n.partner from partners p,
                    lateral (select partner from delivery_attempt
                             where partner > p.partner and cast(:partner as varchar) is null
                             order by partner limit 1) n)
                select p.partner, f.* from partners p, lateral (
                    select count(*) filter (where duration_ms is not null) as attempts,
                           count(*) filter (where duration_ms is not null and status = 'DELIVERED') as delivered,
                           percentile_cont(0.5) within group (order by duration_ms) filter (where http_status is not null) as p50,
                           percentile_cont(0.95) within group (order by duration_ms) filter (where http_status is not null) as p95,
                           count(*) filter (where http_status = 429) as throttled,
                           count(*) filter (where http_status = 503) as unavailable
                    from delivery_attempt a where a.partner = p.partner and a.attempted_at >= :since) f
                order by p.partner
                """)
                .param("partner", partner).param("since", timestamp(since))
                .query((rs, row) -> new CallFigures(rs.getString("partner"), rs.getLong("attempts"), rs.getLong("delivered"),
                        rs.getObject("p50", Double.class), rs.getObject("p95", Double.class), rs.getLong("throttled"),
                        rs.getLong("unavailable")))
                .list();
    }

    Optional<DeliveryRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from delivery_message where id = :id")
                .param("id", id).query(DeliveryRows::record).optional();
    }

    /** Every message about a subject, to one partner when given, oldest first. */
    List<DeliveryRecord> find(String subject, String partner) {
        Filter filter = filter(subject, partner, null);
        return jdbc.sql("select " + COLUMNS + " from delivery_message" + filter.where() + " order by id")
                .params(filter.params).query(DeliveryRows::record).list();
    }

    /** Every message about one of the subjects, to any partner, oldest first. */
    List<DeliveryRecord> find(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from delivery_message where subject in (:subjects) order by id")
                .param("subjects", List.copyOf(subjects)).query(DeliveryRows::record).list();
    }

    /** Messages matching every filter given (null: any), newest first. */
    Page<DeliveryRecord> search(String subject, String partner, DeliveryStatus status, int page, int size) {
        Filter filter = filter(subject, partner, status);
        long total = jdbc.sql("select count(*) from delivery_message" + filter.where())
                .params(filter.params).query(Long.class).single();
        List<DeliveryRecord> items = jdbc.sql("select " + COLUMNS + " from delivery_message" + filter.where()
                        + " order by id desc limit :size offset :offset")
                .params(filter.params).param("size", size).param("offset", (long) page * size)
                .query(DeliveryRows::record).list();
        return new Page<>(items, page, size, total);
    }

    private static Filter filter(String subject, String partner, DeliveryStatus status) {
        return new Filter()
                .with("subject = :subject", "subject", subject)
                .with("partner = :partner", "partner", partner)
                .with("status = :status", "status", status == null ? null : status.name());
    }

    /** Messages in one of the statuses, of a partner and queued in [from, to) when given, oldest first. */
    List<DeliveryRecord> findByStatus(Collection<DeliveryStatus> statuses, String partner, Instant from, Instant to) {
        Filter filter = new Filter()
                .with("status in (:statuses)", "statuses", statuses.stream().map(Enum::name).toList())
                .with("partner = :partner", "partner", partner)
                .with("created_at >= :from", "from", timestamp(from))
                .with("created_at < :to", "to", timestamp(to));
        return jdbc.sql("select " + COLUMNS + " from delivery_message" + filter.where() + " order by id")
                .params(filter.params).query(DeliveryRows::record).list();
    }

    /**
     * Messages of a partner, in a status, queued in [from, to) (each filter when given), newest
     * first, older than the message {@code before} when given: a page of a keyset pagination,
     * without a count, as fast on the last page as on the first.
     */
    List<DeliveryRecord> browse(String partner, DeliveryStatus status, Instant from, Instant to, Long before, int limit) {
        Filter filter = filter(null, partner, status)
                .with("created_at >= :from", "from", timestamp(from))
                .with("created_at < :to", "to", timestamp(to))
                .with("id < :before", "before", before);
        return jdbc.sql("select " + COLUMNS + " from delivery_message" + filter.where() + " order by id desc limit :limit")
                .params(filter.params).param("limit", limit).query(DeliveryRows::record).list();
    }

    /** How many messages are in one of the statuses, of a partner and queued in [from, to) when given. */
    long countByStatus(Collection<DeliveryStatus> statuses, String partner, Instant from, Instant to) {
        Filter filter = new Filter()
                .with("status in (:statuses)", "statuses", statuses.stream().map(Enum::name).toList())
                .with("partner = :partner", "partner", partner)
                .with("created_at >= :from", "from", timestamp(from))
                .with("created_at < :to", "to", timestamp(to));
        return jdbc.sql("select count(*) from delivery_message" + filter.where())
                .params(filter.params).query(Long.class).single();
    }

    /** Per partner, the messages queued since {@code from} by where they stand (index on created_at). */
    List<PartnerActivity> activitySince(Instant from) {
        return jdbc.sql("""
                select partner,
                       count(*) filter (where status = 'DELIVERED') as delivered,
                       count(*) filter (where status in ('PENDING', 'SENDING')) as pending,
                       count(*) filter (where status = 'FAILED') as failed,
                       count(*) filter (where status = 'REJECTED') as rejected,
                       min(created_at) filter (where status in ('PENDING', 'SENDING')) as oldest_pending
                from delivery_message
                where created_at >= :from
                group by partner
                order by partner
                """)
                .param("from", timestamp(from))
                .query((rs, row) -> new PartnerActivity(rs.getString("partner"), rs.getLong("delivered"),
                        rs.getLong("pending"), rs.getLong("failed"), rs.getLong("rejected"), instant(rs, "oldest_pending")))
                .list();
    }

    List<PartnerBacklog> backlog(Instant now) {
        return jdbc.sql("""
                select partner,
                       count(*) filter (where status in ('PENDING', 'SENDING')) as pending,
                       count(*) filter (where status = 'FAILED') as failed,
                       count(*) filter (where status = 'REJECTED') as rejected,
                       min(created_at) filter (where status in ('PENDING', 'SENDING')) as oldest_pending
                from delivery_message
                -- one test per index: waiting, leased (SENDING), failed or rejected
                where status = 'PENDING' or lease_until is not null or status in ('FAILED', 'REJECTED')
                group by partner
                order by partner
                """)
                .query((rs, row) -> {
                    Instant oldest = instant(rs, "oldest_pending");
                    long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
                    return new PartnerBacklog(rs.getString("partner"), rs.getLong("pending"), rs.getLong("failed"),
                            rs.getLong("rejected"), oldest, age);
                })
                .list();
    }

    /** Conditions for the filters given; a null value is no filter. */
    private static final class Filter {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        Filter with(String condition, String name, Object value) {
            if (value != null) {
                conditions.add(condition);
                params.put(name, value);
            }
            return this;
        }

        String where() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
