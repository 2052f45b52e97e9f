package fr.eintervention.dogateway.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.eintervention.delivery.Deliveries;

/**
 * Deletes the interventions that started longer ago than the retention, with their
 * declarations, and the M1/M3 whose delivery ended before then. An intervention whose M1 or M3
 * is still being sent is kept, however old. The spec leaves retention to each operator:
 * {@code eintervention.do.retention} (default 400 days), every night at
 * {@code eintervention.do.purge-cron} (default 03:30) in the protocol's zone
 * ({@code eintervention.protocol.zone}, default Europe/Paris).
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcClient jdbc;
    private final Deliveries deliveries;
    private final Duration retention;
    private final Clock clock;

    RetentionPurge(JdbcClient jdbc, Deliveries deliveries,
            @Value("${eintervention.do.retention:400d}") Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return how many interventions were deleted */
    @Scheduled(cron = "${eintervention.do.purge-cron:0 30 3 * * *}", zone = "${eintervention.protocol.zone:Europe/Paris}")
    @Transactional
    public int purge() {
        Instant limit = Instant.now(clock).minus(retention);
        int interventions = jdbc.sql("""
                delete from intervention i
                where i.debut_inter < :limit
                  and not exists (select 1 from declaration d where d.intervention_id = i.id and d.status = 'QUEUED')""")
                .param("limit", Timestamp.from(limit)).update();
        int messages = deliveries.purgeFinishedBefore(limit);
        log.info("retention purge: {} intervention(s) that started before {} deleted, and {} M1/M3 sent before it",
                interventions, limit, messages);
        return interventions;
    }
}
