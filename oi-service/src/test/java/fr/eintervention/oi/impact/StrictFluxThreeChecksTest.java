package fr.eintervention.oi.impact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;

/**
 * The optional stricter M5 checks, switched on, for an OI run without security (with security,
 * an OC not sent the intervention gets a 403 whatever these settings).
 */
@TestPropertySource(properties = {"eintervention.oi.m5.require-recipient=true", "eintervention.oi.m5.require-known-partner=true",
        "eintervention.security.enabled=false"})
class StrictFluxThreeChecksTest extends OiServiceTestSupport {

    @Test
    void refusesAnOcTheInterventionWasNotSentToAndAnUnknownOc() {
        // ended (an M5 is about a window with an end), sent to OC01 and OC02
        String refOi = declare(m3(newRef(), "2026-11-24T11:00:00+01:00")).text("Ref_Interv_OI");

        JsonHttp.Response notRecipient = asOc("OC03").post("/v1/client_HS_OC_Par_Inter",
                "{\"Code_OC_impacte\":\"OC03\",\"Ref_Interv_OI\":\"" + refOi + "\"}");
        JsonHttp.Response unknown = asOc("OCZZ").post("/v1/client_HS_OC_Par_Inter",
                "{\"Code_OC_impacte\":\"OCZZ\",\"Ref_Interv_OI\":\"" + refOi + "\"}");
        JsonHttp.Response recipient = asOc("OC02").post("/v1/client_HS_OC_Par_Inter",
                "{\"Code_OC_impacte\":\"OC02\",\"Ref_Interv_OI\":\"" + refOi + "\"}");

        assertThat(notRecipient.status()).isEqualTo(404);
        assertThat(notRecipient.text("Libelle_Reponse")).isEqualTo("REF_INTERV_OI_INCONNUE");
        assertThat(notRecipient.text("Description_Reponse")).contains("non transmise a OC03");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("Description_Reponse")).contains("OCZZ");
        assertThat(recipient.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from oc_report").query(Long.class).single()).isOne();
    }
}
