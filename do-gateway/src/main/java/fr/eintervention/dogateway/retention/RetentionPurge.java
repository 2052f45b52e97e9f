package fr.eintervention.dogateway.retention;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.intervention.InterventionManagement;

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

    private final InterventionManagement interventions;
    private final Deliveries deliveries;
    private final DoGatewayProperties properties;
    private final Clock clock;

    RetentionPurge(InterventionManagement interventions, Deliveries deliveries, DoGatewayProperties properties, Clock clock) {
        this.interventions = interventions;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many interventions were deleted */
    @Scheduled(cron = "${eintervention.do.purge-cron:0 30 3 * * *}", zone = "${eintervention.protocol.zone:Europe/Paris}")
    @Transactional
    public int purge() {
        Instant limit = Instant.now(clock).minus(properties.retention());
        int deleted = interventions.deleteStartedBefore(limit);
        int messages = deliveries.purgeFinishedBefore(limit);
        log.info("retention purge: {} intervention(s) that started before {} deleted, and {} M1/M3 sent before it",
                deleted, limit, messages);
        return deleted;
    }
}
