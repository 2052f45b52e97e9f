package fr.eintervention.oc.referential;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.PartnerDirectory;
import fr.eintervention.delivery.PartnerAddresses;
import fr.eintervention.delivery.PartnerEndpoint;
import fr.eintervention.oc.OcProperties;
import fr.eintervention.security.outbound.OutboundCredentials;

/**
 * The OIs the OC works with (configuration): who may send M2/M4, where M5/M5TX go, in which version, and what
 * credentials the OC presents there ({@code eintervention.outbound.<OI>.auth.*}, e.g. an OAuth2
 * client of the OI's identity provider).
 */
@Component
public class OiDirectory implements PartnerDirectory {

    private final OcProperties properties;
    private final OutboundCredentials credentials;

    OiDirectory(OcProperties properties, OutboundCredentials credentials, PartnerAddresses addresses) {
        this.properties = properties;
        this.credentials = credentials;
        // a partner at a local address is a configuration error: the service does not start
        properties.partners().forEach((code, partner) -> {
            if (partner.baseUrl() != null && !partner.baseUrl().isBlank()) {
                addresses.check(partner.baseUrl(), List.of()).ifPresent(reason -> {
                    throw new IllegalStateException("eintervention.oc.partners." + code + ".base-url: " + reason);
                });
            }
        });
    }

    public boolean isPartner(String codeOi) {
        return properties.partners().containsKey(codeOi);
    }

    /** The version the OI speaks ({@code v1} unless configured): what the OC sends it. */
    public OcProperties.ProtocolVersion protocolVersion(String codeOi) {
        OcProperties.Partner partner = properties.partners().get(codeOi);
        return partner == null ? OcProperties.ProtocolVersion.v1 : partner.protocolVersion();
    }

    @Override
    public Optional<PartnerEndpoint> endpoint(String partnerCode) {
        return Optional.ofNullable(properties.partners().get(partnerCode))
                .map(OcProperties.Partner::baseUrl)
                .filter(baseUrl -> !baseUrl.isBlank())
                .map(baseUrl -> new PartnerEndpoint(baseUrl, credentials.forPartner(partnerCode)));
    }
}
