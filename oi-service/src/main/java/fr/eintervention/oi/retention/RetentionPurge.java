package fr.eintervention.oi.retention;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.oi.OiProperties;
import fr.eintervention.oi.intervention.InterventionManagement;

/**
 * Deletes interventions that started longer ago than the configured retention, with everything
 * that came with them (triplets, received messages, M5 reports, line tests), and the messages sent
 * before then (M2/M4, M4TX, and the M6TX to the DO under their subjects of their own). The spec leaves retention to
 * each operator: {@code eintervention.oi.retention}, run at {@code eintervention.oi.purge-cron}.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final InterventionManagement interventions;
    private final Deliveries deliveries;
    private final OiProperties properties;
    private final Clock clock;

    RetentionPurge(InterventionManagement interventions, Deliveries deliveries, OiProperties properties, Clock clock) {
        this.interventions = interventions;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${eintervention.oi.purge-cron:0 30 3 * * *}", zone = "${eintervention.protocol.zone:Europe/Paris}")
    @Transactional
    public int purge() {
        Instant limit = Instant.now(clock).minus(properties.retention());
        int deleted = interventions.deleteStartedBefore(limit);
        int messages = deliveries.purgeFinishedBefore(limit);
        log.info("retention purge: {} intervention(s) that started before {} deleted, and {} message(s) sent before it",
                deleted, limit, messages);
        return deleted;
    }
}
