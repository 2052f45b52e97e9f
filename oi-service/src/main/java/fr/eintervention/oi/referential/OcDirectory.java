package fr.eintervention.oi.referential;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.PartnerDirectory;
import fr.eintervention.delivery.PartnerAddresses;
import fr.eintervention.delivery.PartnerEndpoint;
import fr.eintervention.security.outbound.OutboundCredentials;

/**
 * Tells the delivery engine where each OC receives M2/M4 (the referential) and what credentials
 * to present ({@code eintervention.outbound.<OC>.auth}).
 */
@Component
class OcDirectory implements PartnerDirectory {

    private final Referential referential;
    private final OutboundCredentials credentials;
    private final PartnerAddresses addresses;

    OcDirectory(Referential referential, OutboundCredentials credentials, PartnerAddresses addresses) {
        this.referential = referential;
        this.credentials = credentials;
        this.addresses = addresses;
    }

    @Override
    public Optional<PartnerEndpoint> endpoint(String partnerCode) {
        return Optional.ofNullable(endpoints(Set.of(partnerCode)).get(partnerCode));
    }

    @Override
    public Map<String, PartnerEndpoint> endpoints(Set<String> partnerCodes) {
        return referential.partners(partnerCodes).stream()
                .filter(partner -> partner.baseUrl() != null && !partner.baseUrl().isBlank())
                // one saved before URLs or addresses were checked: never called (its messages wait, visibly, for a fix)
                .filter(partner -> addresses.check(partner.baseUrl(), List.of()).isEmpty())
                .collect(Collectors.toMap(Partner::code, partner -> new PartnerEndpoint(partner.baseUrl(), credentials.forPartner(partner.code()))));
    }
}
