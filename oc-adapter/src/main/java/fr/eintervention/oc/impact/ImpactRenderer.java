package fr.eintervention.oc.impact;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.PayloadRenderer;
import fr.eintervention.oc.intervention.EndedInterventions;

/**
 * An M5 an operator re-sends ({@code POST /admin/deliveries/{id}/resend}) is computed again from
 * the current window and outages: that is how a rejected M5 is corrected and re-sent.
 */
@Component
class ImpactRenderer implements PayloadRenderer {

    private final EndedInterventions interventions;
    private final M5Composer composer;

    ImpactRenderer(EndedInterventions interventions, M5Composer composer) {
        this.interventions = interventions;
        this.composer = composer;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(M5Dispatcher.KIND);
    }

    @Override
    public Optional<Object> render(DeliveryRecord record) {
        return interventions.ended(record.partner(), record.subject())
                .map(intervention -> composer.compose(intervention).payload()); // none when too large: the stored one
    }
}
