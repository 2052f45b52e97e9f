package fr.eintervention.oc.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.oc.OcProperties;
import fr.eintervention.oc.intervention.EndedInterventions;
import fr.eintervention.oc.outage.Outages;
import fr.eintervention.oc.outage.OwnInterventions;

/**
 * Deletes what is older than the retention: the interventions received in M2/M4 that started
 * before it (unless an M5 is still due), the outages that began before it (received before it
 * when their time is unknown), the OC's own interventions, and the M5 whose delivery ended
 * before it. The spec leaves retention to each operator: {@code eintervention.oc.retention}
 * (default 400 days), every night at {@code eintervention.oc.purge-cron} (default 03:30) in the
 * protocol's zone ({@code eintervention.protocol.zone}, default Europe/Paris).
 */
@Component
public class RetentionPurge {

    /** What one purge deleted. */
    public record Purged(int interventions, int outages, int ownInterventions, int messages) {
    }

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final EndedInterventions interventions;
    private final Outages outages;
    private final OwnInterventions ownInterventions;
    private final Deliveries deliveries;
    private final Duration retention;
    private final Clock clock;

    RetentionPurge(EndedInterventions interventions, Outages outages, OwnInterventions ownInterventions,
            Deliveries deliveries,
            OcProperties properties, Clock clock) {
        this.interventions = interventions;
        this.outages = outages;
        this.ownInterventions = ownInterventions;
        this.deliveries = deliveries;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(cron = "${eintervention.oc.purge-cron:0 30 3 * * *}", zone = "${eintervention.protocol.zone:Europe/Paris}")
    @Transactional
    public Purged purge() {
        Instant limit = Instant.now(clock).minus(retention);
        Purged purged = new Purged(
                interventions.deleteStartedBefore(limit),
                outages.deleteBefore(limit),
                ownInterventions.deleteStartedBefore(limit),
                deliveries.purgeFinishedBefore(limit));
        log.info("retention purge before {}: {} intervention(s), {} outage(s), {} own intervention(s), {} M5 deleted",
                limit, purged.interventions(), purged.outages(), purged.ownInterventions(), purged.messages());
        return purged;
    }
}
