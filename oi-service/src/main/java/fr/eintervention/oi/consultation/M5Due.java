package fr.eintervention.oi.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import fr.eintervention.oi.consultation.InterventionDetail.M5State;
import fr.eintervention.protocol.Timestamps;

/** When an OC's M5 is due, and so whether one not received is still awaited or missing. */
@Component
class M5Due {

    private final ZoneId zone;
    private final Clock clock;

    M5Due(Timestamps timestamps, Clock clock) {
        this.zone = timestamps.zone();
        this.clock = clock;
    }

    /**
     * An OC in flux 3 owes its M5 the day the intervention ends, before midnight Europe/Paris:
     * after that, it is missing.
     */
    M5State state(boolean flux3, Instant receivedAt, Instant end) {
        if (receivedAt != null) {
            return M5State.RECEIVED;
        }
        if (!flux3) {
            return M5State.NOT_EXPECTED;
        }
        if (end == null) {
            return M5State.AWAITED;
        }
        return end.isBefore(endsBefore()) ? M5State.MISSING : M5State.AWAITED;
    }

    /** An M5 not received is missing for every intervention that ended before this instant: today's midnight, Europe/Paris. */
    Instant endsBefore() {
        return Instant.now(clock).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
