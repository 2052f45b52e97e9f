package fr.eintervention.oc.impact;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryListener;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.oc.intervention.EndedInterventions;

/** Records how the last M5 (or end's M5TX) of each intervention ended (DELIVERED, REJECTED, FAILED), for the OC's tools. */
@Component
class ImpactListener implements DeliveryListener {

    private final EndedInterventions interventions;

    ImpactListener(EndedInterventions interventions) {
        this.interventions = interventions;
    }

    @Override
    public boolean listensTo(String kind) {
        return M5Dispatcher.KIND.equals(kind) || M5txComposer.KIND.equals(kind);
    }

    @Override
    public void onOutcome(DeliveryRecord record) {
        if (listensTo(record.kind())) {
            interventions.m5Outcome(record.id(), record.status().name(), record.answerLabel());
        }
    }
}
