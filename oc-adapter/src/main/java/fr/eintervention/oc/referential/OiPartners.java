package fr.eintervention.oc.referential;

import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.PartnerDirectory;
import fr.eintervention.delivery.PartnerEndpoint;
import fr.eintervention.oc.OcProperties;

/** The OIs the OC works with (configuration): who may send M2/M4, and where M5 goes. */
@Component
public class OiPartners implements PartnerDirectory {

    private final OcProperties properties;

    OiPartners(OcProperties properties) {
        this.properties = properties;
    }

    public boolean isPartner(String codeOi) {
        return properties.partners().containsKey(codeOi);
    }

    @Override
    public Optional<PartnerEndpoint> endpoint(String partnerCode) {
        return Optional.ofNullable(properties.partners().get(partnerCode))
                .map(OcProperties.Partner::baseUrl)
                .filter(baseUrl -> !baseUrl.isBlank())
                .map(PartnerEndpoint::new);
    }
}
