package fr.eintervention.oc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each OI's version of the protocol, as the configuration binds it. */
class OcPropertiesTest {

    private static OcProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("eintervention.oc", OcProperties.class);
    }

    @Test
    void anOiSpeaksV1UnlessConfiguredOtherwise() {
        OcProperties properties = bind(Map.of(
                "eintervention.oc.code", "OC01",
                "eintervention.oc.partners.OI01.base-url", "http://oi1.example.com",
                "eintervention.oc.partners.oi02.base-url", "http://oi2.example.com",
                "eintervention.oc.partners.oi02.protocol-version", "v2"));

        assertThat(properties.partners().get("OI01").protocolVersion()).isEqualTo(OcProperties.ProtocolVersion.v1);
        assertThat(properties.partners().get("OI02").protocolVersion()).isEqualTo(OcProperties.ProtocolVersion.v2);
        assertThat(properties.lineTests().maxSettlingDelay()).hasMinutes(2);
    }
}
