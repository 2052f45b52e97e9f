package fr.eintervention.dogateway.routing;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.PartnerDirectory;
import fr.eintervention.delivery.PartnerEndpoint;
import fr.eintervention.dogateway.DoGatewayProperties;

/**
 * The OIs this DO knows, from configuration: tells the delivery engine where each receives
 * M1/M3, and the field API which {@code Code_OI} it may accept.
 */
@Component
public class OiDirectory implements PartnerDirectory {

    private final DoGatewayProperties properties;

    OiDirectory(DoGatewayProperties properties) {
        this.properties = properties;
    }

    public boolean knows(String codeOi) {
        return endpoint(codeOi).isPresent();
    }

    public Set<String> codes() {
        return properties.ois().keySet();
    }

    @Override
    public Optional<PartnerEndpoint> endpoint(String partnerCode) {
        return Optional.ofNullable(partnerCode)
                .map(properties.ois()::get)
                .map(DoGatewayProperties.Oi::baseUrl)
                .filter(url -> !url.isBlank())
                .map(PartnerEndpoint::new);
    }
}
