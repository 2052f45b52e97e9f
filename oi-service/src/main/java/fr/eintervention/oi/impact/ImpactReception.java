package fr.eintervention.oi.impact;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.model.v1.ClientHSOCParInter;
import fr.eintervention.oi.OiProperties;
import fr.eintervention.oi.intervention.InterventionManagement.Window;
import fr.eintervention.oi.intervention.InterventionManagement;
import fr.eintervention.oi.referential.Referential;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v1.ProtocolViolation;
import fr.eintervention.security.ForeignPartnerException;

/**
 * Flux 3 at the OI: stores what an OC says about an intervention (M5). The reference must be one
 * the OI issued; a second M5 of the same OC replaces the first.
 */
@Service
public class ImpactReception {

    private static final Logger log = LoggerFactory.getLogger(ImpactReception.class);

    private final InterventionManagement interventions;
    private final Impacts reports;
    private final Referential referential;
    private final Deliveries deliveries;
    private final OiProperties properties;
    private final Clock clock;

    ImpactReception(InterventionManagement interventions, Impacts reports, Referential referential,
            Deliveries deliveries, OiProperties properties, Clock clock) {
        this.interventions = interventions;
        this.reports = reports;
        this.referential = referential;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param authenticated the caller was authenticated as an OC (security enabled): an M5 about
     *                      an intervention that OC was not sent is then a 403, whatever the settings
     */
    @Transactional
    public void receive(ClientHSOCParInter m5, String rawPayload, boolean authenticated) {
        String ref = m5.getRefIntervOI();
        String oc = m5.getCodeOCImpacte();
        Window window = interventions.lockWindow(ref).orElseThrow(() ->
                new ProtocolViolation(Answer.REF_INTERV_OI_INCONNUE, "Ref_Interv_OI inconnue: " + ref));
        if (properties.m5().requireKnownPartner() && referential.partner(oc).isEmpty()) {
            throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, "Code_OC_impacte inconnu de l'OI: " + oc);
        }
        if ((authenticated || properties.m5().requireRecipient())
                && deliveries.bySubjectAndPartner(ref, oc).isEmpty()) {
            // an OC only speaks of interventions it was sent: with security, a 403; without, the optional check
            if (authenticated) {
                throw new ForeignPartnerException(oc + " was not sent Ref_Interv_OI " + ref);
            }
            throw new ProtocolViolation(Answer.REF_INTERV_OI_INCONNUE, "Ref_Interv_OI " + ref + " non transmise a " + oc);
        }
        if (!window.isEnded()) {
            // an M5 answers an M4 (the spec's condition for sending it): it is about a window with an end
            throw new ProtocolViolation(Answer.REF_INTERV_OI_INCONNUE,
                    "Ref_Interv_OI " + ref + " pas encore terminee (pas de M3/M4): M5 refuse");
        }
        Impact report = Impact.of(window, m5, interventions.isWithdrawnFrom(window.id(), oc));
        Instant now = Instant.now(clock);
        boolean replaced = reports.replace(report, now, rawPayload != null ? rawPayload : "{}");
        interventions.recountImpactedCustomers(window.id());
        log.info("M5 {} from {}: {} impacted customer(s), {} outside the window{}", ref, oc,
                report.customers().size(), report.flagged(), replaced ? " (replaces the previous M5)" : "");
    }
}
