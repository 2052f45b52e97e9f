package fr.eintervention.oi.intervention;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.delivery.Outbox;
import fr.eintervention.delivery.PayloadRenderer;
import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v1.PBO;
import fr.eintervention.protocol.Timestamps;

/**
 * Flux 2: queues M2/M4 for every OC present at the intervention's PM, anonymised (no DO, no DO
 * reference, no PTO, no nature), in the transaction that accepted the M1/M3. An operator's
 * re-send of an M2/M4 sends the intervention's current data (correct and re-send).
 */
@Component
class WindowRenderer implements PayloadRenderer {

    static final String PATH = "/v1/intervention_OI";
    private static final Logger log = LoggerFactory.getLogger(WindowRenderer.class);

    private final Outbox outbox;
    private final Timestamps timestamps;
    private final Interventions interventions;
    private final Withdrawals withdrawals;

    WindowRenderer(Outbox outbox, Timestamps timestamps, Interventions interventions, Withdrawals withdrawals) {
        this.outbox = outbox;
        this.timestamps = timestamps;
        this.interventions = interventions;
        this.withdrawals = withdrawals;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("M2", "M4");
    }

    @Override
    public Optional<Object> render(DeliveryRecord record) {
        Optional<Withdrawals.Withdrawal> withdrawal = withdrawals.find(record.subject(), record.partner());
        if (withdrawal.isPresent()) {
            // an OC of a former PM: the M4 that withdrew it, never the intervention at its new PM
            return interventions.findByRefOi(record.subject())
                    .map(intervention -> withdrawalPayload(intervention, withdrawal.get()));
        }
        return interventions.findByRefOi(record.subject())
                .map(intervention -> payload(intervention, Intervention.Notification.valueOf(record.kind())));
    }

    /**
     * Queues what the intervention registered for the OCs present at its PM.
     *
     * @param operators the OCs present at the intervention's PM
     */
    void queue(Intervention intervention, List<String> operators) {
        List<OutboundMessage> messages = new ArrayList<>();
        for (Intervention.Notification notification : intervention.notifications()) {
            InterventionOI payload = payload(intervention, notification);
            for (String oc : operators) {
                messages.add(new OutboundMessage(oc, notification.name(), intervention.refOi(), PATH, payload));
            }
            log.info("{} {} queued for {}", notification, intervention.refOi(), operators.isEmpty() ? "no OC" : operators);
        }
        outbox.enqueueAll(messages);
    }

    /** The M4 that withdraws the intervention from an OC of its former PM: Fin_Inter = Debut_Inter. */
    InterventionOI withdrawalPayload(Intervention intervention, Withdrawals.Withdrawal withdrawal) {
        return new InterventionOI()
                .codeOI(intervention.codeOi())
                .refIntervOI(intervention.refOi())
                .PM(withdrawal.pm())
                .PBO(withdrawal.pbos().stream().map(pbo -> new PBO().PBO(pbo)).toList())
                .debutInter(timestamps.toOffset(withdrawal.start()))
                .finInter(timestamps.toOffset(withdrawal.start()));
    }

    /** The M2/M4 body from the intervention's current data (also used to correct and re-send). */
    InterventionOI payload(Intervention intervention, Intervention.Notification notification) {
        InterventionOI payload = new InterventionOI()
                .codeOI(intervention.codeOi())
                .refIntervOI(intervention.refOi())
                .PM(intervention.pm())
                .PBO(intervention.pbos().stream().map(pbo -> new PBO().PBO(pbo)).toList())
                .debutInter(timestamps.toOffset(intervention.start()));
        if (notification == Intervention.Notification.M4) {
            payload.finInter(timestamps.toOffset(intervention.end()));
        }
        return payload;
    }
}
