package fr.eintervention.oc.impact;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryListener;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.oc.intervention.EndedInterventions;

/** Records how the last M5 of each intervention ended (DELIVERED, REJECTED, FAILED), for the OC's tools. */
@Component
class ImpactListener implements DeliveryListener {

    private final EndedInterventions interventions;

    ImpactListener(EndedInterventions interventions) {
        this.interventions = interventions;
    }

    @Override
    public boolean listensTo(String kind) {
        return M5Dispatcher.KIND.equals(kind);
    }

    @Override
    public void onOutcome(DeliveryRecord record) {
        if (M5Dispatcher.KIND.equals(record.kind())) {
            interventions.m5Outcome(record.id(), record.status().name(), record.answerLabel());
        }
    }
}
