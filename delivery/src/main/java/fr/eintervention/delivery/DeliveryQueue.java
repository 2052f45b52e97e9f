package fr.eintervention.delivery;

import static fr.eintervention.delivery.DeliveryRows.COLUMNS;
import static fr.eintervention.jdbc.Sql.timestamp;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The hot path on {@code delivery_message}: queue, claim under a lease, store the results of
 * attempts (each kept in {@code delivery_attempt}), hand final outcomes over. Times come from the engine's clock, never from the
 * database's {@code now()}, so that tests can move time and instances agree on leases.
 */
final class DeliveryQueue {

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

    /**
     * A candidate {@code c} may be sent now: it is due, and no earlier message of its subject and
     * partner is still waiting or being sent, so that they arrive in the order queued (M2 before M4).
     */
    private static final String DUE_IN_ORDER = """
            c.status = 'PENDING' and c.next_attempt_at <= :now
            and not exists (select 1 from %s e
                            where e.id < c.id and e.status in ('PENDING', 'SENDING'))""".formatted(siblingsOf("c"));

    private static final String QUALIFIED_COLUMNS = COLUMNS.replaceAll("(\\w+)", "m.$1");

    /** a message put back to wait is superseded instead when a corrected one of its kind was queued meanwhile */
    private static final String PENDING_UNLESS_SUPERSEDED = """
            case when exists (select 1 from %s n
                              where n.kind = m.kind and n.id > m.id and n.status = 'PENDING')
                 then 'SUPERSEDED' else 'PENDING' end""".formatted(siblingsOf("m"));

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    DeliveryQueue(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * Queues messages, in the order given, each superseding a waiting one of its kind, subject
     * and partner, in one statement however many. No two of them may share kind, subject and
     * partner.
     *
     * <p>With a lease, the messages that may be sent at once (no earlier message of their
     * subject and partner waiting or being sent) are queued SENDING under it: the instance
     * queuing them sends them after the commit without claiming them; the others are PENDING.
     *
     * @return the new messages, in the order given
     */
    List<DeliveryRecord> enqueue(List<Queued> messages, Instant now, Instant giveUpAt, Optional<Lease> lease,
            Collection<String> notTakingCalls) {
        ArrayNode rows = mapper.createArrayNode();
        for (int i = 0; i < messages.size(); i++) {
            OutboundMessage message = messages.get(i).message();
            rows.addObject().put("ord", i).put("partner", message.partner()).put("kind", message.kind())
                    .put("subject", message.subject()).put("path", message.path())
                    .put("payload", messages.get(i).payload()).put("traceparent", messages.get(i).traceparent());
        }
        Map<String, DeliveryRecord> stored = new HashMap<>();
        // one statement: the supersede sees the table as before the insert, so never the new rows,
        // and the insert sees the superseded messages still PENDING: a corrected message waits for the claim
        jdbc.sql("""
                with r as (select * from jsonb_to_recordset(cast(:rows as jsonb))
                               as r(ord integer, partner varchar, kind varchar, subject varchar, path varchar, payload text, traceparent text)),
                superseded as (
                    update delivery_message set status = 'SUPERSEDED', updated_at = :now
                    where id = any(array(
                        select s.id from r, lateral %1$s s
                        where s.kind = r.kind and s.status = 'PENDING')))
                insert into delivery_message (partner, kind, subject, path, payload, status, lease_owner, lease_until,
                                              next_attempt_at, created_at, updated_at, traceparent, give_up_at)
                select r.partner, r.kind, r.subject, r.path, r.payload, q.status,
                       case when q.status = 'SENDING' then cast(:owner as varchar) end,
                       case when q.status = 'SENDING' then cast(:until as timestamptz) end,
                       :now, :now, :now, r.traceparent, :giveUpAt
                from r, lateral (select case
                    when cast(:owner as varchar) is not null
                         and not (r.partner = any(cast(:held as varchar[])))
                         and not exists (select 1 from %1$s e where e.status in ('PENDING', 'SENDING'))
                         and not exists (select 1 from r b where b.subject = r.subject and b.partner = r.partner and b.ord < r.ord)
                    then 'SENDING' else 'PENDING' end as status) q
                order by r.ord
                returning %2$s
                """.formatted(siblingsOf("r"), COLUMNS))
                .param("rows", mapper.writeValueAsString(rows)).param("now", timestamp(now)).param("giveUpAt", timestamp(giveUpAt))
                .param("held", notTakingCalls.stream().collect(Collectors.joining(",", "{", "}")))
                .param("owner", lease.map(Lease::owner).orElse(null))
                .param("until", timestamp(lease.map(Lease::until).orElse(null)))
                .query(rs -> {
                    DeliveryRecord record = DeliveryRows.record(rs, 0);
                    stored.put(key(record.partner(), record.kind(), record.subject()), record);
                });
        return messages.stream().map(queued -> stored.get(queued.key())).toList();
    }

    /** A message to queue, its body as sent, and the trace context it is sent with (may be null). */
    record Queued(OutboundMessage message, String payload, String traceparent) {

        /** What no two messages queued together may share: partner, kind and subject. */
        String key() {
            return DeliveryQueue.key(message.partner(), message.kind(), message.subject());
        }
    }

    private static String key(String partner, String kind, String subject) {
        return partner + '\n' + kind + '\n' + subject;
    }

    /**
     * The messages of {@code alias}'s subject and partner (id, kind, status). The fence
     * ({@code offset 0}) keeps the planner on the index by subject: left free, it may reach
     * them through the partial index on due messages, which holds every waiting message of the
     * partner (1.15 ms a lookup under a backlog, when the statistics were taken on an empty table).
     */
    private static String siblingsOf(String alias) {
        return """
                (select id, kind, status from delivery_message
                 where subject = %1$s.subject and partner = %1$s.partner offset 0)""".formatted(alias);
    }

    /**
     * Puts back to wait the messages whose holder died (or lost the database) while sending them:
     * claimed longer ago than a lease ({@code lease_until} passed) by an instance whose heartbeat
     * has lapsed, or that has none. Whether the partner got them is unknown: they are sent again
     * (at least once).
     *
     * <p>Never those of the instance asking: it lives, and its heartbeat holds them (a lapse
     * under load is not a death). Rows another statement holds (an outcome being stored) are
     * skipped, not waited for: the statements that update many rows at once never wait for each
     * other, so they cannot deadlock.
     *
     * @return how many messages were taken back
     */
    int releaseExpiredLeases(Instant now, String self) {
        return jdbc.sql("""
                with lapsed as (select d.id from delivery_message d
                                where d.lease_until <= :now and d.status = 'SENDING' and d.lease_owner <> :self
                                  and not exists (select 1 from delivery_instance i
                                                  where i.owner = d.lease_owner and i.alive_until > :now)
                                order by d.id for update of d skip locked)
                update delivery_message m
                set status = %s, lease_owner = null, lease_until = null, updated_at = :now
                where m.id = any(array(select id from lapsed))
                """.formatted(PENDING_UNLESS_SUPERSEDED))
                .param("now", timestamp(now)).param("self", self)
                .update();
    }

    /**
     * This instance's heartbeat: it lives until the lease's end, and holds every message it
     * claimed meanwhile. One row however many messages it holds. The rows of instances presumed
     * dead for an hour are forgotten (their messages were taken over whether their row is there
     * or not).
     */
    void heartbeat(Lease lease, Instant startedAt) {
        jdbc.sql("""
                with forgotten as (delete from delivery_instance where alive_until < cast(:now as timestamptz) - interval '1 hour')
                insert into delivery_instance (owner, started_at, alive_until) values (:owner, :startedAt, :until)
                on conflict (owner) do update set alive_until = excluded.alive_until
                """)
                .param("owner", lease.owner()).param("startedAt", timestamp(startedAt))
                .param("until", timestamp(lease.until())).param("now", timestamp(lease.now()))
                .update();
    }

    /** This instance stops: nothing it held is left (all handed back), and its heartbeat ends. */
    void forget(String owner) {
        jdbc.sql("delete from delivery_instance where owner = :owner").param("owner", owner).update();
    }

    /**
     * Hands back every message this instance still holds (it stops): they wait as they were, due
     * as before, for another instance's next poll. Whether the partner got those whose call was
     * cut short is unknown: they are sent again (at least once).
     *
     * <p>A lease is set exactly while a message is SENDING: the test on it reaches the held
     * messages through the index on leases.
     *
     * @return how many messages were handed back
     */
    int releaseAll(String owner, Instant now) {
        return jdbc.sql("""
                update delivery_message m
                set status = %s, lease_owner = null, lease_until = null, updated_at = :now
                where m.lease_until is not null and m.lease_owner = :owner and m.status = 'SENDING'
                """.formatted(PENDING_UNLESS_SUPERSEDED))
                .param("owner", owner).param("now", timestamp(now))
                .update();
    }

    /**
     * Makes every waiting message of a partner due now (it answers again after an outage): each
     * had waited for its own next retry. They are then claimed in order and paced as usual.
     *
     * @return how many messages were brought forward
     */
    int dueNow(String partner, Instant now) {
        return jdbc.sql("""
                update delivery_message set next_attempt_at = :now, updated_at = :now
                where partner = :partner and status = 'PENDING' and next_attempt_at > :now
                """)
                .param("partner", partner).param("now", timestamp(now))
                .update();
    }

    /**
     * Partners with messages due, the longest waiting first. The index on due messages is
     * ordered by partner then due time: one step into it per partner gives that partner's
     * longest waiting message, however many wait (reading them all took 60 ms for 10,000).
     */
    List<String> partnersWithDueMessages(Instant now) {
        return jdbc.sql("""
                with recursive first_due as (
                    (select partner, next_attempt_at from delivery_message where status = 'PENDING'
                     order by partner, next_attempt_at, id limit 1)
                    union all
                    select n.partner, n.next_attempt_at from first_due p,
                    lateral (select partner, next_attempt_at from delivery_message
                             where status = 'PENDING' and partner > p.partner
                             order by partner, next_attempt_at, id limit 1) n)
                select partner from first_due where next_attempt_at <= :now order by next_attempt_at
                """)
                .param("now", timestamp(now))
                .query(String.class).list();
    }

    /**
     * Claims those of the given messages that are due. They are read by key behind a fence
     * ({@code offset 0}): with the status test beside it, the planner may read every waiting
     * message through the index on due messages to find a few of them.
     */
    List<DeliveryRecord> claimByIds(Collection<Long> ids, Lease lease) {
        return claim("""
                select c.id from (select * from delivery_message where id = any(cast(:ids as bigint[])) offset 0) c
                where %s
                order by c.next_attempt_at, c.id
                for update of c skip locked""".formatted(DUE_IN_ORDER), Map.of("ids", array(ids)), lease);
    }

    /**
     * Claims due messages, partner by partner, the longest waiting first: up to the number
     * given for each partner, in one statement.
     */
    List<DeliveryRecord> claimDue(Map<String, Integer> rooms, Lease lease) {
        if (rooms.isEmpty()) {
            return List.of();
        }
        return claim(CLAIM_DUE, Map.of("rooms", rooms(rooms)), lease);
    }

    private static final String CLAIM_DUE = """
            select c.id from jsonb_to_recordset(cast(:rooms as jsonb)) as r(partner varchar, room integer),
            lateral (select c.id from delivery_message c
                     where c.partner = r.partner and %s
                     order by c.next_attempt_at, c.id
                     limit r.room
                     for update skip locked) c""".formatted(DUE_IN_ORDER);

    private String rooms(Map<String, Integer> rooms) {
        ArrayNode wanted = mapper.createArrayNode();
        rooms.forEach((partner, room) -> wanted.addObject().put("partner", partner).put("room", room));
        return mapper.writeValueAsString(wanted);
    }

    /**
     * PostgreSQL's plan of {@link #claimDue}, as {@code explain} gives it on the engine's
     * connections (nothing claimed): for diagnosis, e.g. whether it would be JIT-compiled.
     */
    String planOfClaimDue(Map<String, Integer> rooms, Lease lease) {
        return String.join("\n", jdbc.sql("explain " + claimStatement(CLAIM_DUE))
                .param("rooms", rooms(rooms))
                .param("owner", lease.owner()).param("until", timestamp(lease.until())).param("now", timestamp(lease.now()))
                .query(String.class).list());
    }

    /** A setting of the engine's database sessions, e.g. {@code jit}. */
    String setting(String name) {
        return jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
    }

    /** = any(array(...)): the candidates first, then each row by its key, however many the planner expects */
    private static String claimStatement(String candidates) {
        return """
                update delivery_message m
                set status = 'SENDING', lease_owner = :owner, lease_until = :until, updated_at = :now
                where m.id = any(array(%s))
                returning %s
                """.formatted(candidates, COLUMNS);
    }

    /**
     * Marks the candidate messages SENDING under a lease. {@code skip locked}: instances
     * claiming at the same time take different messages.
     */
    private List<DeliveryRecord> claim(String candidates, Map<String, Object> candidateParams, Lease lease) {
        return jdbc.sql(claimStatement(candidates))
                .params(candidateParams)
                .param("owner", lease.owner()).param("until", timestamp(lease.until())).param("now", timestamp(lease.now()))
                .query(DeliveryRows::record).list();
    }

    /**
     * Stores the results of attempts, in one statement however many, and releases their leases.
     * Returns the messages this instance still held; one missing from the list had its lease
     * run out, and another instance took it over.
     */
    List<Finished> finish(List<AttemptRecord> records, String owner, Instant now) {
        if (records.isEmpty()) {
            return List.of();
        }
        // the rows travel as one JSON array: one statement, one plan, whatever the batch size
        ArrayNode rows = mapper.createArrayNode();
        for (AttemptRecord record : records) {
            Attempt attempt = record.attempt();
            rows.addObject()
                    .put("id", record.message().id())
                    .put("status", record.status().name())
                    .put("attempts", record.attempts())
                    .put("attempted_at", record.attemptedAt().toString())
                    .put("next_attempt_at", record.nextAttemptAt().toString())
                    .put("http_status", attempt.httpStatus())
                    .put("answer_code", attempt.answerCode())
                    .put("answer_label", cut(attempt.answerLabel(), 50))
                    .put("answer_description", cut(attempt.answerDescription(), 200))
                    .put("answer_body", cut(attempt.answerBody(), 8000))
                    .put("last_error", cut(attempt.error(), 500))
                    .put("report", record.report())
                    .put("duration_ms", attempt.duration() == null ? null : (int) attempt.duration().toMillis())
                    .put("kept", attempt.kept());
        }
        // the attempts are kept by the same statement (no further round trip), for the messages still held
        return jdbc.sql("""
                with o as (select * from jsonb_to_recordset(cast(:rows as jsonb)) as o(id bigint, status varchar, attempts integer,
                    attempted_at timestamptz, next_attempt_at timestamptz, http_status integer, answer_code integer, answer_label varchar,
                    answer_description varchar, answer_body text, last_error varchar, report boolean, duration_ms integer, kept boolean)),
                finished as (
                    update delivery_message m set
                        status = case when o.status = 'PENDING' then %s else o.status end,
                        attempts = o.attempts, next_attempt_at = o.next_attempt_at, last_attempt_at = o.attempted_at,
                        last_http_status = o.http_status, answer_code = o.answer_code, answer_label = o.answer_label,
                        answer_description = o.answer_description, answer_body = o.answer_body, last_error = o.last_error,
                        delivered_at = case when o.status = 'DELIVERED' then o.attempted_at end,
                        lease_owner = null, lease_until = null, updated_at = :now, unreported = o.report
                    from o
                    where m.id = o.id and m.status = 'SENDING' and m.lease_owner = :owner
                    returning %s,
                        exists (select 1 from %s s where s.id > m.id and s.status = 'PENDING') as has_successor),
                kept as (
                    insert into delivery_attempt (message_id, partner, attempted_at, duration_ms, http_status, answer_code,
                                                  answer_label, answer_start, error, status, next_attempt_at)
                    select f.id, f.partner, o.attempted_at, o.duration_ms, o.http_status, o.answer_code, o.answer_label,
                           left(o.answer_body, 500), o.last_error, f.status,
                           case when f.status = 'PENDING' then f.next_attempt_at end
                    from finished f join o on o.id = f.id
                    where o.kept)
                select * from finished
                """.formatted(PENDING_UNLESS_SUPERSEDED, QUALIFIED_COLUMNS, siblingsOf("m")))
                .param("rows", mapper.writeValueAsString(rows)).param("owner", owner).param("now", timestamp(now))
                .query((rs, row) -> new Finished(DeliveryRows.record(rs, row), rs.getBoolean("has_successor")))
                .list();
    }

    /**
     * Puts messages this instance claimed back to wait as they were, due as before, without
     * counting an attempt (their partner took no calls when they were to start): one statement
     * for a whole claim.
     */
    void release(Collection<Long> ids, String owner, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update delivery_message m
                set status = %s, lease_owner = null, lease_until = null, updated_at = :now
                where m.id = any(cast(:ids as bigint[])) and m.status = 'SENDING' and m.lease_owner = :owner
                """.formatted(PENDING_UNLESS_SUPERSEDED))
                .param("ids", array(ids)).param("owner", owner).param("now", timestamp(now))
                .update();
    }

    /** Messages whose final outcome the service has not recorded yet, after the id given, oldest first. */
    List<Long> unreported(long after, int limit) {
        return jdbc.sql("select id from delivery_message where unreported and id > :after order by id limit :limit")
                .param("after", after).param("limit", limit).query(Long.class).list();
    }

    /**
     * Takes the hand-off of a final outcome: in the transaction in which the service records it,
     * so that both happen or neither. Empty when another instance took it.
     */
    Optional<DeliveryRecord> takeUnreported(long id) {
        return jdbc.sql("update delivery_message set unreported = false where id = :id and unreported returning " + COLUMNS)
                .param("id", id).query(DeliveryRows::record).optional();
    }

    /** An array parameter: one statement text (one prepared plan) whatever the number of ids. */
    private static String array(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
