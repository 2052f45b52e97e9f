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

import fr.eintervention.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements on {@code delivery_message} behind the consultation screens and the admin API:
 * find, search, backlog per partner, an operator's re-send, a service's retention.
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

    int deleteFinishedBefore(Instant limit) {
        return jdbc.sql("""
                delete from delivery_message
                where created_at < :limit and status in ('DELIVERED', 'REJECTED', 'FAILED', 'SUPERSEDED') and not unreported
                """)
                .param("limit", timestamp(limit)).update();
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
