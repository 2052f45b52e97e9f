package fr.eintervention.dogateway.referential;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.PartnerDirectory;
import fr.eintervention.delivery.PartnerAddresses;
import fr.eintervention.delivery.PartnerEndpoint;
import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.ProtocolVersion;
import fr.eintervention.security.outbound.OutboundCredentials;

/**
 * The OIs this DO knows, from configuration: tells the delivery engine where each receives
 * M1/M3 and what credentials the DO presents there ({@code eintervention.outbound.<OI>.auth.*},
 * e.g. an OAuth2 client of the OI's identity provider), and the field API which {@code Code_OI}
 * it may accept, and the version of the protocol each speaks ({@code protocolVersion}, default v1).
 */
@Component
public class OiDirectory implements PartnerDirectory {

    private final DoGatewayProperties properties;
    private final OutboundCredentials credentials;

    OiDirectory(DoGatewayProperties properties, OutboundCredentials credentials, PartnerAddresses addresses) {
        this.properties = properties;
        this.credentials = credentials;
        // an OI at a local address is a configuration error: the service does not start
        properties.ois().forEach((code, oi) -> {
            if (oi.baseUrl() != null && !oi.baseUrl().isBlank()) {
                addresses.check(oi.baseUrl(), List.of()).ifPresent(reason -> {
                    throw new IllegalStateException("eintervention.do.ois." + code + ".base-url: " + reason);
                });
            }
        });
    }

    public boolean knows(String codeOi) {
        return endpoint(codeOi).isPresent();
    }

    public Set<String> codes() {
        return properties.ois().keySet();
    }

    /** The version the OI speaks; v1 for an OI this DO does not know (it is refused anyway). */
    public ProtocolVersion version(String codeOi) {
        return Optional.ofNullable(codeOi).map(properties.ois()::get)
                .map(DoGatewayProperties.Oi::protocolVersion).orElse(ProtocolVersion.V1);
    }

    @Override
    public Optional<PartnerEndpoint> endpoint(String partnerCode) {
        return Optional.ofNullable(partnerCode)
                .map(properties.ois()::get)
                .map(DoGatewayProperties.Oi::baseUrl)
                .filter(url -> !url.isBlank())
                .map(url -> new PartnerEndpoint(url, credentials.forPartner(partnerCode)));
    }
}
