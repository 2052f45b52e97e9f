package fr.eintervention.oi.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.oi.V2Bodies;
import fr.eintervention.testsupport.RequestFuzzer;
import fr.eintervention.testsupport.RequestFuzzer.BodyKind;
import fr.eintervention.testsupport.RequestFuzzer.Endpoint;
import fr.eintervention.testsupport.TestTokens;

/**
 * A seeded fuzz of every endpoint of the OI, as a hostile partner would send: never a 5xx, and
 * on the protocol's endpoints always the contract's answer (v1: Code_Reponse, Libelle_Reponse,
 * Description_Reponse of at most 100 characters; v2: {@code code} 0, or a 400 error body).
 */
class OiServiceFuzzTest extends OiServiceTestSupport {

    private static final long SEED = 14L;
    private static final int REQUESTS = 3000;

    @Test
    void noRequestGetsAServerErrorAndProtocolEndpointsAlwaysAnswerTheContract() {
        String operator = TestTokens.tokenWithoutPartner("operator", "operator");
        String do01 = TestTokens.token("DO01", "write:interventions");
        String oc01 = TestTokens.token("OC01", "write:clients");
        String refOi = declare(m1(newRef())).text("Ref_Interv_OI");
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/v1/intervention_DO", BodyKind.JSON, m1("FUZZ-1"), do01),
                new Endpoint("POST", "/v1/intervention_DO", BodyKind.JSON, m3("FUZZ-1", "2026-11-24T11:00:00+01:00"), do01),
                new Endpoint("POST", "/v1/client_HS_OC_Par_Inter", BodyKind.JSON, """
                        {"Code_OC_impacte":"OC01","Ref_Interv_OI":"%s","Liste_Clients_HS":[{"PTO":"FI-0001-0001",\
                        "PBO":"PT000123","Tube":"T1","Fibre":"F3","Position_PM_Module_OI":"M2-P14",\
                        "HMS_Coupure":"2026-11-24T10:00:00+01:00"}]}""".formatted(refOi), oc01),
                new Endpoint("POST", "/v2/interventions-do", BodyKind.JSON, V2Bodies.m1("FUZZ-2"), do01),
                new Endpoint("PUT", "/v2/interventions-do", BodyKind.JSON, V2Bodies.m3("FUZZ-2"), do01),
                new Endpoint("POST", "/v2/interventions-do/compte-rendu", BodyKind.JSON, V2Bodies.report("FUZZ-2"), do01),
                new Endpoint("POST", "/v2/interventions-do/test-intermediaire", BodyKind.JSON, V2Bodies.m3tx("FUZZ-2", refOi, 1), do01),
                new Endpoint("POST", "/v2/interventions-oi/notification-impacte-clients-oc", BodyKind.JSON,
                        V2Bodies.m5tx(refOi, "OC01", 1), oc01),
                new Endpoint("GET", "/consultation/interventions?pm=FI-35238-0001&codeDo=DO01", BodyKind.NONE, null, operator),
                new Endpoint("GET", "/consultation/interventions/{ref}", BodyKind.NONE, null, operator),
                new Endpoint("GET", "/consultation/statistics?from=2026-01-01&to=2026-12-31", BodyKind.NONE, null, operator),
                new Endpoint("GET", "/admin/referential/pms/{code}", BodyKind.NONE, null, operator),
                new Endpoint("PUT", "/admin/referential/pms/FUZZ-{code}", BodyKind.JSON,
                        "{\"codeOi\":\"OI01\",\"operators\":[\"OC03\"]}", operator),
                new Endpoint("GET", "/admin/deliveries?partner=OC01&subject=x", BodyKind.NONE, null, operator),
                new Endpoint("GET", "/admin/deliveries/{id}", BodyKind.NONE, null, operator),
                new Endpoint("POST", "/admin/deliveries/resend?partner=FUZZ", BodyKind.NONE, null, operator));

        RequestFuzzer.Result result = new RequestFuzzer(SEED).run("http://127.0.0.1:" + port, endpoints, REQUESTS, 4);

        System.out.println("OI fuzz: " + result.summary());
        assertThat(result.requests()).isEqualTo(REQUESTS);
        assertThat(result.serverErrors()).as(result.summary()).isEmpty();
        assertThat(result.badProtocolAnswers()).as(result.summary()).isEmpty();
        assertThat(result.emptyErrorBodies()).as(result.summary()).isEmpty();
    }
}
