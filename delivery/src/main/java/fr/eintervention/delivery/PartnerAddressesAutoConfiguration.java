package fr.eintervention.delivery;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** {@link PartnerAddresses} for every service that has partners, whether or not it sends them anything yet. */
@AutoConfiguration
@EnableConfigurationProperties(PartnerAddresses.class)
public class PartnerAddressesAutoConfiguration {
}
