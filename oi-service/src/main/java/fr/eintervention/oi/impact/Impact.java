package fr.eintervention.oi.impact;

import java.util.List;

import fr.eintervention.model.v1.ClientHSOC;
import fr.eintervention.model.v1.ClientHSOCParInter;
import fr.eintervention.oi.intervention.InterventionManagement.Window;

/**
 * What one OC said about one intervention in its last M5. No customer means "no impacted
 * customer"; a customer whose outage time lies outside the intervention's window is kept, flagged.
 */
record Impact(long interventionId, String oc, List<ImpactedCustomer> customers) {

    /**
     * @param withdrawn the intervention was withdrawn from this OC (moved to another PM): none of
     *                  its customers counts, all are flagged outside the window
     */
    static Impact of(Window window, ClientHSOCParInter m5, boolean withdrawn) {
        List<ClientHSOC> clients = m5.getListeClientsHS() == null ? List.of() : m5.getListeClientsHS();
        return new Impact(window.id(), m5.getCodeOCImpacte(), clients.stream()
                .map(client -> new ImpactedCustomer(client.getPTO(), client.getPBO(), client.getTube(),
                        client.getFibre(), client.getPositionPMModuleOI(), client.getHmSCoupure().toInstant(),
                        withdrawn || !window.contains(client.getHmSCoupure().toInstant())))
                .toList());
    }

    long flagged() {
        return customers.stream().filter(ImpactedCustomer::outsideWindow).count();
    }
}
