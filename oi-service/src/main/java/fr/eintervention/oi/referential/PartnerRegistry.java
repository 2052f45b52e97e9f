package fr.eintervention.oi.referential;

import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.PartnerDirectory;
import fr.eintervention.delivery.PartnerEndpoint;

/** Tells the delivery engine where each OC receives M2/M4, from the referential. */
@Component
class PartnerRegistry implements PartnerDirectory {

    private final Referential referential;

    PartnerRegistry(Referential referential) {
        this.referential = referential;
    }

    @Override
    public Optional<PartnerEndpoint> endpoint(String partnerCode) {
        return referential.partner(partnerCode)
                .filter(partner -> partner.baseUrl() != null && !partner.baseUrl().isBlank())
                .map(partner -> new PartnerEndpoint(partner.baseUrl()));
    }
}
