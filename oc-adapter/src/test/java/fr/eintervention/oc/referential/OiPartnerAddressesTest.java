package fr.eintervention.oc.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import fr.eintervention.delivery.PartnerAddresses;
import fr.eintervention.oc.OcProperties;

/** An OI configured at a loopback, link-local or metadata address: the adapter does not start, unless allowed. */
class OiPartnerAddressesTest {

    private static OcProperties configured(String baseUrl) {
        return new Binder(new MapConfigurationPropertySource(Map.of("eintervention.oc.code", "OC07",
                "eintervention.oc.partners.OI01.base-url", baseUrl))).bind("eintervention.oc", OcProperties.class).get();
    }

    @Test
    void aLocalAddressStopsTheStartUnlessAllowed() {
        assertThatThrownBy(() -> new OiDirectory(configured("http://169.254.169.254/latest/meta-data/"), null, PartnerAddresses.STRICT))
                .hasMessageContaining("eintervention.oc.partners.OI01.base-url").hasMessageContaining("metadata");
        assertThatThrownBy(() -> new OiDirectory(configured("http://localhost:8081"), null, PartnerAddresses.STRICT))
                .hasMessageContaining("loopback");

        assertThat(new OiDirectory(configured("http://localhost:8081"), null, new PartnerAddresses(true)).isPartner("OI01")).isTrue();
        assertThat(new OiDirectory(configured("https://oi.example.com/api"), null, PartnerAddresses.STRICT).isPartner("OI01")).isTrue();
    }
}
