package fr.eintervention.oc.intervention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import fr.eintervention.oc.OcProperties;
import fr.eintervention.protocol.Timestamps;

/**
 * When the M5 of an ended intervention is due: after the settling delay (so that the outage
 * alarms of the intervention's last minutes can arrive), but the same day as the spec wants, i.e.
 * at the latest {@code deadline-margin} before midnight (protocol zone, Europe/Paris) of the day
 * {@code Fin_Inter} falls on. An M4 received after that deadline is due at once.
 */
@Component
class M5Timing {

    private final boolean enabled;
    private final Duration settlingDelay;
    private final Duration deadlineMargin;
    private final ZoneId zone;

    @Autowired
    M5Timing(OcProperties properties, Timestamps timestamps) {
        this(properties.flux3().enabled(), properties.flux3().settlingDelay(), properties.flux3().deadlineMargin(),
                timestamps.zone());
    }

    M5Timing(boolean enabled, Duration settlingDelay, Duration deadlineMargin, ZoneId zone) {
        this.enabled = enabled;
        this.settlingDelay = settlingDelay;
        this.deadlineMargin = deadlineMargin;
        this.zone = zone;
    }

    /**
     * @return when to send the M5 for an M4 received at {@code m4ReceivedAt}; {@code null} when
     *         the OC does not take part in flux 3
     */
    Instant dueAt(Instant m4ReceivedAt, Instant end) {
        if (!enabled) {
            return null;
        }
        Instant settled = m4ReceivedAt.plus(settlingDelay);
        Instant deadline = deadline(end);
        return settled.isBefore(deadline) ? settled : deadline;
    }

    /** Just before midnight of the end day. */
    Instant deadline(Instant end) {
        return end.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().minus(deadlineMargin);
    }
}
