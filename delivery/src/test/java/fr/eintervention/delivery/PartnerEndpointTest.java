package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "jar:file:/x.jar!/", "not a url", "gopher://x", "http:///x",
            "https://user:pw@oc.example.com", "/v1", "http://oc.example.com/?q=1", ""})
    void onlyHttpOrHttpsUrlsWithAHostAreUsable(String url) {
        assertThat(PartnerEndpoint.checkBaseUrl(url, List.of())).isPresent();
    }

    @Test
    void anAllowListKeepsPartnersOnItsHosts() {
        assertThat(PartnerEndpoint.checkBaseUrl("https://oc.example.com/api", List.of())).isEmpty();
        assertThat(PartnerEndpoint.checkBaseUrl("https://OC.example.com/api", List.of("oc.example.com"))).isEmpty();
        assertThat(PartnerEndpoint.checkBaseUrl("http://169.254.169.254/latest", List.of("oc.example.com")))
                .contains("host 169.254.169.254 is not among the allowed partner hosts");
    }
}
