package fr.eintervention.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every statement on {@code delivery_message}. Times come from the engine's clock, never from
 * the database's {@code now()}, so that tests can move time and instances agree on leases.
 */
final class DeliveryStore {

    /** An instance's hold on the messages it claims: until then, no other instance takes them. */
    record Lease(String owner, Instant now, Instant until) {
    }

    /**
     * A message after an attempt.
     *
     * @param hasSuccessor a later message of the same subject and partner was waiting for this one
     */
    record Finished(DeliveryRecord record, boolean hasSuccessor) {
    }

    private static final String COLUMNS = """
            id, partner, kind, subject, path, payload, status, attempts, next_attempt_at, last_attempt_at,
            last_http_status, answer_code, answer_label, answer_description, answer_body, last_error,
            created_at, updated_at, delivered_at""";

    /** a message put back to wait is superseded instead when a corrected one of its kind was queued meanwhile */
    private static final String PENDING_UNLESS_SUPERSEDED = """
            case when exists (select 1 from delivery_message n
                              where n.subject = m.subject and n.partner = m.partner and n.kind = m.kind
                                and n.id > m.id and n.status = 'PENDING')
                 then 'SUPERSEDED' else 'PENDING' end""";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a message, superseding a waiting one of the same kind, subject and partner. */
    long enqueue(OutboundMessage message, String payload, Instant now) {
        jdbc.sql("""
                update delivery_message set status = 'SUPERSEDED', updated_at = :now
                where subject = :subject and partner = :partner and kind = :kind and status = 'PENDING'
                """)
                .param("now", ts(now)).param("subject", message.subject())
                .param("partner", message.partner()).param("kind", message.kind())
                .update();
        return jdbc.sql("""
                insert into delivery_message (partner, kind, subject, path, payload, next_attempt_at, created_at, updated_at)
                values (:partner, :kind, :subject, :path, :payload, :now, :now, :now)
                returning id
                """)
                .param("partner", message.partner()).param("kind", message.kind())
                .param("subject", message.subject()).param("path", message.path())
                .param("payload", payload).param("now", ts(now))
                .query(Long.class).single();
    }

    /**
     * Puts back to wait the messages whose holder's lease ran out: that instance died (or lost
     * the database) while sending them. Whether the partner got them is unknown: they are sent
     * again (at least once).
     *
     * @return how many messages were taken back
     */
    int releaseExpiredLeases(Instant now) {
        return jdbc.sql("""
                update delivery_message m
                set status = %s, lease_owner = null, lease_until = null, updated_at = :now
                where m.status = 'SENDING' and m.lease_until <= :now
                """.formatted(PENDING_UNLESS_SUPERSEDED))
                .param("now", ts(now))
                .update();
    }

    /** Partners with messages due, the longest waiting first. */
    List<String> partnersWithDueMessages(Instant now) {
        return jdbc.sql("""
                select partner from delivery_message
                where status = 'PENDING' and next_attempt_at <= :now
                group by partner order by min(next_attempt_at)
                """)
                .param("now", ts(now))
                .query(String.class).list();
    }

    /** Claims those of the given messages that are due. */
    List<DeliveryRecord> claimByIds(Collection<Long> ids, Lease lease) {
        return claim("c.id in (:ids)", Map.of("ids", ids), ids.size(), lease);
    }

    /** Claims up to {@code limit} due messages of a partner, the longest waiting first. */
    List<DeliveryRecord> claimDue(String partner, int limit, Lease lease) {
        return claim("c.partner = :partner", Map.of("partner", partner), limit, lease);
    }

    /**
     * Marks messages SENDING under a lease. {@code skip locked}: instances claiming at the same
     * time take different messages. A message waits while an earlier one of the same subject and
     * partner is not final, so that they arrive in the order queued (M2 before M4).
     */
    private List<DeliveryRecord> claim(String filter, Map<String, Object> filterParams, int limit, Lease lease) {
        return jdbc.sql("""
                update delivery_message m
                set status = 'SENDING', lease_owner = :owner, lease_until = :until, updated_at = :now
                where m.id in (
                    select c.id from delivery_message c
                    where c.status = 'PENDING' and c.next_attempt_at <= :now and %s
                      and not exists (select 1 from delivery_message e
                                      where e.subject = c.subject and e.partner = c.partner and e.id < c.id
                                        and e.status in ('PENDING', 'SENDING'))
                    order by c.next_attempt_at, c.id
                    limit :limit
                    for update skip locked)
                returning %s
                """.formatted(filter, COLUMNS))
                .params(filterParams)
                .param("owner", lease.owner()).param("until", ts(lease.until())).param("now", ts(lease.now()))
                .param("limit", limit)
                .query(DeliveryStore::record).list();
    }

    /**
     * Stores the result of an attempt and releases the lease. Empty when this instance no longer
     * holds the message (its lease ran out and another instance took it over).
     */
    Optional<Finished> finish(DeliveryRecord message, String owner, DeliveryStatus status, int attempts,
            Instant nextAttemptAt, Instant now, Attempt attempt) {
        return jdbc.sql("""
                update delivery_message m set
                    status = case when :status = 'PENDING' then %s else :status end,
                    attempts = :attempts, next_attempt_at = :next, last_attempt_at = :now,
                    last_http_status = :http, answer_code = :code, answer_label = :label,
                    answer_description = :description, answer_body = :body, last_error = :error,
                    delivered_at = :deliveredAt, lease_owner = null, lease_until = null, updated_at = :now
                where m.id = :id and m.status = 'SENDING' and m.lease_owner = :owner
                returning %s,
                    exists (select 1 from delivery_message s
                            where s.subject = m.subject and s.partner = m.partner and s.id > m.id
                              and s.status = 'PENDING') as has_successor
                """.formatted(PENDING_UNLESS_SUPERSEDED, COLUMNS))
                .param("id", message.id()).param("owner", owner).param("status", status.name())
                .param("attempts", attempts).param("next", ts(nextAttemptAt)).param("now", ts(now))
                .param("http", attempt.httpStatus()).param("code", attempt.answerCode())
                .param("label", cut(attempt.answerLabel(), 50))
                .param("description", cut(attempt.answerDescription(), 200))
                .param("body", cut(attempt.answerBody(), 8000)).param("error", cut(attempt.error(), 500))
                .param("deliveredAt", status == DeliveryStatus.DELIVERED ? ts(now) : null)
                .query((rs, row) -> new Finished(record(rs, row), rs.getBoolean("has_successor")))
                .optional();
    }

    /** Puts a message back to wait without counting an attempt (its partner cannot take it now). */
    void postpone(long id, String owner, Instant until, Instant now) {
        jdbc.sql("""
                update delivery_message m
                set status = %s, next_attempt_at = :until, lease_owner = null, lease_until = null, updated_at = :now
                where m.id = :id and m.status = 'SENDING' and m.lease_owner = :owner
                """.formatted(PENDING_UNLESS_SUPERSEDED))
                .param("id", id).param("owner", owner).param("until", ts(until)).param("now", ts(now))
                .update();
    }

    /**
     * Puts a message back to be sent now, the retry schedule started afresh, with a new body if
     * given. Empty when the message is not (or no longer) in one of the given statuses.
     */
    Optional<DeliveryRecord> requeue(long id, Collection<DeliveryStatus> from, String payload, Instant now) {
        return jdbc.sql("""
                update delivery_message
                set status = 'PENDING', attempts = 0, next_attempt_at = :now, payload = coalesce(:payload, payload),
                    delivered_at = null, updated_at = :now
                where id = :id and status in (:from)
                returning %s
                """.formatted(COLUMNS))
                .param("id", id).param("from", from.stream().map(Enum::name).toList())
                .param("payload", payload).param("now", ts(now))
                .query(DeliveryStore::record).optional();
    }

    int deleteFinishedBefore(Instant limit) {
        return jdbc.sql("""
                delete from delivery_message
                where created_at < :limit and status in ('DELIVERED', 'REJECTED', 'FAILED', 'SUPERSEDED')
                """)
                .param("limit", ts(limit)).update();
    }

    Optional<DeliveryRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from delivery_message where id = :id")
                .param("id", id).query(DeliveryStore::record).optional();
    }

    /** Every message about a subject, to one partner when given, oldest first. */
    List<DeliveryRecord> find(String subject, String partner) {
        Filter filter = filter(subject, partner, null);
        return jdbc.sql("select " + COLUMNS + " from delivery_message" + filter.where() + " order by id")
                .params(filter.params).query(DeliveryStore::record).list();
    }

    /** Messages matching every filter given (null: any), newest first. */
    DeliveryPage search(String subject, String partner, DeliveryStatus status, int page, int size) {
        Filter filter = filter(subject, partner, status);
        long total = jdbc.sql("select count(*) from delivery_message" + filter.where())
                .params(filter.params).query(Long.class).single();
        List<DeliveryRecord> items = jdbc.sql("select " + COLUMNS + " from delivery_message" + filter.where()
                        + " order by id desc limit :size offset :offset")
                .params(filter.params).param("size", size).param("offset", (long) page * size)
                .query(DeliveryStore::record).list();
        return new DeliveryPage(items, page, size, total);
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
                .with("created_at >= :from", "from", ts(from))
                .with("created_at < :to", "to", ts(to));
        return jdbc.sql("select " + COLUMNS + " from delivery_message" + filter.where() + " order by id")
                .params(filter.params).query(DeliveryStore::record).list();
    }

    List<PartnerBacklog> backlog(Instant now) {
        return jdbc.sql("""
                select partner,
                       count(*) filter (where status in ('PENDING', 'SENDING')) as pending,
                       count(*) filter (where status = 'FAILED') as failed,
                       count(*) filter (where status = 'REJECTED') as rejected,
                       min(created_at) filter (where status in ('PENDING', 'SENDING')) as oldest_pending
                from delivery_message
                where status in ('PENDING', 'SENDING', 'FAILED', 'REJECTED')
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

    private static DeliveryRecord record(ResultSet rs, int row) throws SQLException {
        return new DeliveryRecord(
                rs.getLong("id"),
                rs.getString("partner"),
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getString("path"),
                rs.getString("payload"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"),
                rs.getObject("last_http_status", Integer.class),
                rs.getObject("answer_code", Integer.class),
                rs.getString("answer_label"),
                rs.getString("answer_description"),
                rs.getString("answer_body"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
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
