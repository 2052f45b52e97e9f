package fr.eintervention.dogateway.intervention;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.PayloadRenderer;
import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;

/**
 * When an operator re-sends an M1/M3 from the admin API, it goes with the intervention's current
 * data (corrected since, possibly), as a technician's correction would.
 */
@Component
class DeclarationRenderer implements PayloadRenderer {

    private final Interventions interventions;
    private final OutboundDeclarations messages;

    DeclarationRenderer(Interventions interventions, OutboundDeclarations messages) {
        this.interventions = interventions;
        this.messages = messages;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Kind.M1.name(), Kind.M3.name());
    }

    @Override
    public Optional<Object> render(DeliveryRecord record) {
        Kind kind = Kind.valueOf(record.kind());
        return interventions.find(record.subject())
                .filter(intervention -> kind == Kind.M1 || intervention.content().ended())
                .map(intervention -> messages.body(intervention, kind));
    }
}
