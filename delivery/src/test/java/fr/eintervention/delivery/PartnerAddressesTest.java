package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Partner base URLs naming this machine, the local link or a metadata service: refused unless allowed. */
class PartnerAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://169.254.169.254", "http://[fd00:ec2::254]/",
            "http://metadata.google.internal/computeMetadata/v1", "http://METADATA.google.internal.", "http://100.100.100.200/",
            "http://127.0.0.1:8081", "http://localhost:8081", "https://oc.localhost/api", "http://0177.0.0.1/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/",
            "http://[::127.0.0.1]/", "http://0.0.0.0/", "http://[::]/", "http://169.254.1.2/", "http://[fe80::1]/"})
    void localAddressesAreRefusedByDefault(String url) {
        assertThat(PartnerAddresses.STRICT.check(url, List.of())).as(url)
                .hasValueSatisfying(reason -> assertThat(reason).contains("eintervention.partner-addresses.allow-local"));
        assertThat(new PartnerAddresses(true).check(url, List.of())).as(url).isEmpty();
    }

    /** Forms the C resolver reads as 127.0.0.1, whatever java.net.URI makes of them. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.1/", "http://2130706433/", "http://0x7f000001/", "http://0x7f.0.0.1/", "http://0x7f.1/"})
    void otherFormsOfTheLoopbackAreRefused(String url) {
        assertThat(PartnerAddresses.STRICT.check(url, List.of())).as(url).isPresent();
        assertThat(PartnerAddresses.local(url.substring(7, url.length() - 1))).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://oc.example.com/api", "http://10.1.2.3:8080", "http://192.168.1.10/", "https://203.0.113.7/",
            "http://[2001:db8::1]/", "http://oi-service:8081", "http://127.example.com/", "http://0x7f.example.com/"})
    void otherAddressesAreAccepted(String url) {
        assertThat(PartnerAddresses.STRICT.check(url, List.of())).as(url).isEmpty();
    }

    @Test
    void theUrlRulesComeFirst() {
        assertThat(new PartnerAddresses(true).check("file:///etc/passwd", List.of())).isPresent();
        assertThat(PartnerAddresses.STRICT.check("http://oc.example.com/x?y", List.of())).isPresent();
        assertThat(new PartnerAddresses(true).check("http://127.0.0.1/", List.of("oc.example.com"))).isPresent();
    }
}
