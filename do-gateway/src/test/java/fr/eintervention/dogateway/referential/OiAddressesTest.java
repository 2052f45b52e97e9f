package fr.eintervention.dogateway.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import fr.eintervention.delivery.PartnerAddresses;
import fr.eintervention.dogateway.DoGatewayProperties;

/** An OI configured at a loopback, link-local or metadata address: the gateway does not start, unless allowed. */
class OiAddressesTest {

    private static DoGatewayProperties configured(String baseUrl) {
        return new Binder(new MapConfigurationPropertySource(Map.of("eintervention.do.code", "DO01",
                "eintervention.do.ois.OI01.base-url", baseUrl))).bind("eintervention.do", DoGatewayProperties.class).get();
    }

    @Test
    void aLocalAddressStopsTheStartUnlessAllowed() {
        assertThatThrownBy(() -> new OiDirectory(configured("http://169.254.169.254/latest/meta-data/"), null, PartnerAddresses.STRICT))
                .hasMessageContaining("eintervention.do.ois.OI01.base-url").hasMessageContaining("metadata");
        assertThatThrownBy(() -> new OiDirectory(configured("http://[::1]:8081"), null, PartnerAddresses.STRICT))
                .hasMessageContaining("loopback");

        assertThat(new OiDirectory(configured("http://127.0.0.1:8081"), null, new PartnerAddresses(true)).codes()).contains("OI01");
        assertThat(new OiDirectory(configured("https://oi.example.com/api"), null, PartnerAddresses.STRICT).codes()).contains("OI01");
    }
}
