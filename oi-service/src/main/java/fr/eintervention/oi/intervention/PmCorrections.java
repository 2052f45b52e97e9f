package fr.eintervention.oi.intervention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.delivery.Outbox;
import fr.eintervention.oi.intervention.Intervention.Move;
import fr.eintervention.oi.intervention.Withdrawals.Withdrawal;

/**
 * A correction that moved an intervention to another PM: the OCs that were sent it for the former
 * PM and are not at the new one are told it is over there, with an M4 for the former PM whose
 * Fin_Inter is the Debut_Inter they were told (a window of no duration: no customer of theirs
 * can have gone down during it), and owe no M5. In the transaction that accepted the correction.
 */
@Component
class PmCorrections {

    private static final Logger log = LoggerFactory.getLogger(PmCorrections.class);

    private final Deliveries deliveries;
    private final Outbox outbox;
    private final Withdrawals withdrawals;
    private final WindowRenderer notifications;

    PmCorrections(Deliveries deliveries, Outbox outbox, Withdrawals withdrawals, WindowRenderer notifications) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.withdrawals = withdrawals;
        this.notifications = notifications;
    }

    /** @param operators the OCs present at the intervention's (new) PM */
    void withdraw(Intervention intervention, List<String> operators, Instant now) {
        Move from = intervention.movedFrom().orElse(null);
        if (from == null) {
            return;
        }
        withdrawals.cancel(intervention.id(), operators);
        Set<String> already = withdrawals.ocs(intervention.id());
        Set<String> told = new TreeSet<>();
        for (DeliveryRecord sent : deliveries.bySubject(intervention.refOi())) {
            told.add(sent.partner());
        }
        told.removeAll(operators);
        told.removeAll(already);
        List<OutboundMessage> messages = new ArrayList<>();
        for (String oc : told) {
            Withdrawal withdrawal = new Withdrawal(oc, from.pm(), from.start(), from.pbos(), now);
            withdrawals.add(intervention.id(), withdrawal);
            messages.add(notifications.withdrawalMessage(intervention, withdrawal, oc, now));
        }
        if (!messages.isEmpty()) {
            outbox.enqueueAll(messages);
            log.info("{} moved from PM {} to {}: withdrawn from {} (M4 with Fin_Inter = Debut_Inter queued)",
                    intervention.refOi(), from.pm(), intervention.pm(), told);
        }
    }
}
