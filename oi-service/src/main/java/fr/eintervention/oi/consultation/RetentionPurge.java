package fr.eintervention.oi.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.oi.OiProperties;

/**
 * Deletes interventions that started longer ago than the configured retention, with everything
 * that came with them (triplets, received messages, M5 reports), and the M2/M4 sent before then. The spec leaves retention to
 * each operator: {@code eintervention.oi.retention}, run at {@code eintervention.oi.purge-cron}.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcClient jdbc;
    private final Deliveries deliveries;
    private final OiProperties properties;
    private final Clock clock;

    RetentionPurge(JdbcClient jdbc, Deliveries deliveries, OiProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${eintervention.oi.purge-cron:0 30 3 * * *}", zone = "${eintervention.protocol.zone:Europe/Paris}")
    @Transactional
    public int purge() {
        Instant limit = Instant.now(clock).minus(properties.retention());
        int deleted = jdbc.sql("delete from intervention where debut_inter < :limit")
                .param("limit", Timestamp.from(limit)).update();
        int messages = deliveries.purgeFinishedBefore(limit);
        log.info("retention purge: {} intervention(s) that started before {} deleted, and {} M2/M4 sent before it",
                deleted, limit, messages);
        return deleted;
    }
}
