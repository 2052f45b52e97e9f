package fr.eintervention.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.ObjectMapper;

/**
 * Queues messages in the same transaction as the business change that causes them; the engine
 * makes the first attempt as soon as that transaction commits. Never sends from inside the
 * caller's transaction.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final DeliveryTrigger trigger;

    Outbox(JdbcClient jdbc, ObjectMapper mapper, Clock clock, DeliveryTrigger trigger) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
        this.trigger = trigger;
    }

    /**
     * Queues a message. A message of the same kind, subject and partner not yet sent is
     * superseded by this one (a corrected M2 replaces an undelivered M2).
     *
     * @return the message's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(OutboundMessage message) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                update delivery_message set status = 'SUPERSEDED', updated_at = :now
                where subject = :subject and partner = :partner and kind = :kind and status = 'PENDING'
                """)
                .param("now", now).param("subject", message.subject())
                .param("partner", message.partner()).param("kind", message.kind())
                .update();
        long id = jdbc.sql("""
                insert into delivery_message (partner, kind, subject, path, payload, next_attempt_at, created_at, updated_at)
                values (:partner, :kind, :subject, :path, :payload, :now, :now, :now)
                returning id
                """)
                .param("partner", message.partner()).param("kind", message.kind())
                .param("subject", message.subject()).param("path", message.path())
                .param("payload", mapper.writeValueAsString(message.payload()))
                .param("now", now)
                .query(Long.class).single();
        afterCommit(id);
        return id;
    }

    private void afterCommit(long id) {
        @SuppressWarnings("unchecked")
        List<Long> queued = (List<Long>) TransactionSynchronizationManager.getResource(this);
        if (queued == null) {
            List<Long> ids = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(Outbox.this);
                    if (status == STATUS_COMMITTED) {
                        trigger.dispatchNow(ids);
                    }
                }
            });
            queued = ids;
        }
        queued.add(id);
    }
}
