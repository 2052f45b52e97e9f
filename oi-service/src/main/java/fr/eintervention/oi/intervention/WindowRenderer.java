package fr.eintervention.oi.intervention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.Referential;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v2.Mapped;

/**
 * Flux 2: queues M2/M4 for every OC present at the intervention's PM, anonymised (no DO, no DO
 * reference, no PTO, no nature), in the transaction that accepted the M1/M3, each in the version
 * that OC speaks ({@link Relays}); what a version cannot carry is stored as losses with it. An
 * operator's re-send of an M2/M4 sends the intervention's current data (correct and re-send), in
 * the version of the message re-sent.
 */
@Component
class WindowRenderer implements PayloadRenderer {

    static final String PATH = "/v1/intervention_OI";
    private static final Logger log = LoggerFactory.getLogger(WindowRenderer.class);

    private final Outbox outbox;
    private final Timestamps timestamps;
    private final Interventions interventions;
    private final Withdrawals withdrawals;
    private final Referential referential;
    private final RelayLosses losses;
    private final Clock clock;

    WindowRenderer(Outbox outbox, Timestamps timestamps, Interventions interventions, Withdrawals withdrawals,
            Referential referential, RelayLosses losses, Clock clock) {
        this.outbox = outbox;
        this.timestamps = timestamps;
        this.interventions = interventions;
        this.withdrawals = withdrawals;
        this.referential = referential;
        this.losses = losses;
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("M2", "M4");
    }

    @Override
    public Optional<Object> render(DeliveryRecord record) {
        String version = Relays.version(record.path());
        Optional<Withdrawals.Withdrawal> withdrawal = withdrawals.find(record.subject(), record.partner());
        if (withdrawal.isPresent()) {
            // an OC of a former PM: the M4 that withdrew it, never the intervention at its new PM
            return interventions.findByRefOi(record.subject())
                    .map(intervention -> Relays.in(version, intervention, withdrawalPayload(intervention, withdrawal.get()))
                            .message());
        }
        return interventions.findByRefOi(record.subject())
                .map(intervention -> Relays.in(version, intervention,
                        payload(intervention, Intervention.Notification.valueOf(record.kind()))).message());
    }

    /**
     * Queues what the intervention registered for the OCs present at its PM.
     *
     * @param operators the OCs present at the intervention's PM
     */
    void queue(Intervention intervention, List<String> operators) {
        List<OutboundMessage> messages = new ArrayList<>();
        Map<String, String> versions = operators.isEmpty() ? Map.of() : referential.versionsOf(operators);
        Instant now = clock.instant();
        for (Intervention.Notification notification : intervention.notifications()) {
            InterventionOI payload = payload(intervention, notification);
            Map<String, Mapped<?>> rendered = new HashMap<>();
            for (String oc : operators) {
                String version = versions.getOrDefault(oc, Partner.V1);
                Mapped<?> message = rendered.computeIfAbsent(version, v -> Relays.in(v, intervention, payload));
                messages.add(new OutboundMessage(oc, notification.name(), intervention.refOi(),
                        Relays.path(version, notification), message.message()));
                losses.record(intervention, oc, notification.name(), true, message.losses(), now);
            }
            log.info("{} {} queued for {}", notification, intervention.refOi(), operators.isEmpty() ? "no OC" : operators);
        }
        outbox.enqueueAll(messages);
    }

    /** The M4 that withdraws the intervention from an OC of its former PM, in that OC's version, its losses recorded. */
    OutboundMessage withdrawalMessage(Intervention intervention, Withdrawals.Withdrawal withdrawal, String oc, Instant now) {
        String version = referential.versionsOf(List.of(oc)).getOrDefault(oc, Partner.V1);
        Mapped<?> message = Relays.in(version, intervention, withdrawalPayload(intervention, withdrawal));
        losses.record(intervention, oc, Intervention.Notification.M4.name(), true, message.losses(), now);
        return new OutboundMessage(oc, Intervention.Notification.M4.name(), intervention.refOi(),
                Relays.path(version, Intervention.Notification.M4), message.message());
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
