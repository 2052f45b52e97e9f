package fr.eintervention.oc.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;

/**
 * The demo profile (sample PM list) with flux 3 switched off: M2/M4 still work, no M5 is ever
 * sent. The demo profile names the demo auth-server as issuer: the test IdP replaces it here (and
 * the base class replaces its outbound credentials).
 */
@ActiveProfiles("demo")
@TestPropertySource(properties = "eintervention.oc.flux3.enabled=false")
class M5SendingOffTest extends OcAdapterTestSupport {

    @DynamicPropertySource
    static void testIssuer(DynamicPropertyRegistry registry) {
        registry.add("eintervention.security.issuer-uri", TestTokens::issuer);
        registry.add("eintervention.security.jwk-set-uri", TestTokens::jwkSetUri);
    }

    private static final String DEMO_PM = "FI-35238-0001";

    @Autowired
    private M5Dispatcher dispatcher;

    @Test
    void anOcOutOfFluxThreeNeverSendsM5() {
        clock.set("2026-11-24T10:00:00+01:00");
        String ref = newRef();
        http.post("/outages", """
                [{"PM":"%s","PTO":"FI-A","downAt":"2026-11-24T09:10:00+01:00","cause":"LOSS_OF_SIGNAL"}]""".formatted(DEMO_PM));

        accepted(m4(ref, DEMO_PM, "2026-11-24T09:00:00+01:00", "2026-11-24T09:30:00+01:00"));
        clock.advance(Duration.ofDays(1));

        assertThat(dispatcher.sendDue()).isZero();
        assertThat(jdbc.sql("select count(*) from delivery_message where subject = :ref").param("ref", ref)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from intervention_window where ref_interv_oi = :ref and m5_due_at is null")
                .param("ref", ref).query(Long.class).single()).as("no M5 scheduled").isEqualTo(1);
        assertThat(OI.received(M5_PATH)).noneMatch(request -> request.body().contains(ref));
    }

    @Test
    void theSamplePmListIsLoaded() {
        JsonHttp.Response unknown = declare(m2(newRef(), "FI-99999-9999", "2026-11-24T09:00:00+01:00"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("Libelle_Reponse")).isEqualTo("PM_INCONNU");
    }
}
