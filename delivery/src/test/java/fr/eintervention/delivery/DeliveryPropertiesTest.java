package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DeliveryPropertiesTest {

    private static DeliveryProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("eintervention.delivery", DeliveryProperties.class);
    }

    @Test
    void defaultsFollowTheProtocolRules() {
        DeliveryProperties properties = bind(Map.of());

        assertThat(properties.retryDelays()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(20));
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.leaseDuration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(properties.leaseRenewal()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.batchSize()).isEqualTo(100);
        assertThat(properties.workerThreads()).isEqualTo(16);
        assertThat(properties.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.instanceId()).isNotBlank();
        assertThat(properties.giveUpAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.instances()).isEqualTo(1);
        assertThat(properties.partner("OC01")).isEqualTo(new DeliveryProperties.Partner(Duration.ofSeconds(2),
                Duration.ofSeconds(10), 4, 50, 20, Duration.ofSeconds(3), 400));
        assertThat(properties.pacePerInstance("OC01")).isEqualTo(400);
    }

    @Test
    void instancesShareThePaceTowardsEachPartner() {
        DeliveryProperties properties = bind(Map.of("eintervention.delivery.instances", "4",
                "eintervention.delivery.partners.OC02.requests-per-second", "100"));

        assertThat(properties.pacePerInstance("OC01")).isEqualTo(100);
        assertThat(properties.pacePerInstance("OC02")).isEqualTo(25);
    }

    @Test
    void aPartnerOverridesOnlyWhatItSetsOverTheDefaults() {
        DeliveryProperties properties = bind(Map.of(
                "eintervention.delivery.partner-defaults.connect-timeout", "3s",
                // as bound from EINTERVENTION_DELIVERY_PARTNERS_OC01_READTIMEOUT
                "eintervention.delivery.partners.oc01.read-timeout", "30s"));

        assertThat(properties.partner("OC01").readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.partner("OC01").connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.partner("OC02").readTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesSettingsUnderWhichOnePartnerCouldHoldEveryWorker() {
        assertThatThrownBy(() -> bind(Map.of("eintervention.delivery.partners.OC01.max-concurrent-calls", "16")))
                .hasRootCauseMessage("eintervention.delivery: worker-threads (16) must exceed max-concurrent-calls"
                        + " of OC01 (16) so that one slow partner cannot hold every worker");
    }

    @Test
    void refusesALeaseTooShortToBeRenewed() {
        assertThatThrownBy(() -> bind(Map.of("eintervention.delivery.lease-duration", "500ms")))
                .rootCause().hasMessageContaining("lease-duration (PT0.5S) must be at least PT1S");
    }

    @Test
    void aLeaseShorterThanACallIsRenewedWhileTheCallRuns() {
        DeliveryProperties properties = bind(Map.of("eintervention.delivery.lease-duration", "3s",
                "eintervention.delivery.partner-defaults.read-timeout", "30s"));

        assertThat(properties.leaseRenewal()).isEqualTo(Duration.ofSeconds(1));
    }
}
