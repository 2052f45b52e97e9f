package fr.eintervention.oc.flux3;

import java.util.List;

import org.springframework.stereotype.Component;

import fr.eintervention.model.ClientHSOC;
import fr.eintervention.model.ClientHSOCParInter;
import fr.eintervention.oc.OcProperties;
import fr.eintervention.oc.intervention.EndedInterventions;
import fr.eintervention.oc.outage.Outage;
import fr.eintervention.oc.outage.Outages;
import fr.eintervention.protocol.Timestamps;

/** The M5 of an ended intervention, from the outages known now. */
@Component
class M5Composer {

    /** what the spec asks to send for a PBO, Tube, Fibre or position the OC cannot tell */
    static final String UNKNOWN = "inconnu";

    /** The body, and how many customers it lists. */
    record M5(ClientHSOCParInter payload, int customers) {
    }

    private final Outages outages;
    private final Timestamps timestamps;
    private final String codeOc;
    private final ImpactedCustomers impacted;

    M5Composer(Outages outages, Timestamps timestamps, OcProperties properties) {
        this.outages = outages;
        this.timestamps = timestamps;
        this.codeOc = properties.code();
        this.impacted = new ImpactedCustomers(properties.flux3().excludeTerminated());
    }

    M5 compose(EndedInterventions.Ended intervention) {
        List<Outage> customers = impacted.select(intervention,
                outages.beganOnPm(intervention.pm(), intervention.start(), intervention.end()),
                outages.ownCustomers(intervention.pm(), intervention.start(), intervention.end()));
        ClientHSOCParInter payload = new ClientHSOCParInter()
                .codeOCImpacte(codeOc)
                .refIntervOI(intervention.refOi());
        // no customer: no Liste_Clients_HS at all (the model leaves out a null list, not an empty one)
        if (!customers.isEmpty()) {
            payload.listeClientsHS(customers.stream().map(this::client).toList());
        }
        return new M5(payload, customers.size());
    }

    private ClientHSOC client(Outage outage) {
        return new ClientHSOC()
                .PTO(outage.pto())
                .PBO(orUnknown(outage.pbo()))
                .tube(orUnknown(outage.tube()))
                .fibre(orUnknown(outage.fibre()))
                .positionPMModuleOI(orUnknown(outage.position()))
                .hmSCoupure(timestamps.toOffset(outage.downAt()));
    }

    private static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}
