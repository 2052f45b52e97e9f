package fr.eintervention.oi.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.oi.V2Bodies;
import fr.eintervention.testsupport.RequestFuzzer;
import fr.eintervention.testsupport.RequestFuzzer.BodyKind;
import fr.eintervention.testsupport.RequestFuzzer.Endpoint;
import fr.eintervention.testsupport.RequestFuzzer.Given;
import fr.eintervention.testsupport.TestTokens;

/**
 * A seeded fuzz of every endpoint of the OI, as a hostile partner would send: never a 5xx, never
 * an HTML page, and on the protocol's endpoints always the contract's answer (v1: Code_Reponse,
 * Libelle_Reponse, Description_Reponse of at most 100 characters; v2: {@code code} 0, or a 400 error body); then the bodies at the
 * documented limits (docs/reference/bad-input.md, bulk-import.md), and just over them.
 */
class OiServiceFuzzTest extends OiServiceTestSupport {

    private static final long SEED = 14L;
    private static final int REQUESTS = 3000;
    /** eintervention.security.max-body-size and eintervention.oi.max-m5-size, by default */
    private static final int BODY_SIZE = 256 * 1024;
    private static final int M5_SIZE = 4 * 1024 * 1024;
    /** the referential import's measured size (docs/reference/bulk-import.md) */
    private static final int IMPORTED_PMS = 200_000;

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
        assertThat(result.clean()).as(result.summary()).isTrue();

        // an ended intervention: its OC01 may send the M5 (the largest one of a large PM down at once)
        String endedRef = declare(m1(newRef()).replace("\"Debut_Inter\"",
                "\"Fin_Inter\":\"2026-11-24T11:00:00+01:00\",\"Debut_Inter\"")).text("Ref_Interv_OI");
        Endpoint imports = new Endpoint("POST", "/admin/referential/imports?mode=merge", BodyKind.CSV, "", operator);
        RequestFuzzer.Result limits = new RequestFuzzer(SEED).send("http://127.0.0.1:" + port, List.of(
                new Given(endpoints.get(0), RequestFuzzer.padded(m1("FUZZ-LIMIT-1"), BODY_SIZE), "an M1 of max-body-size", 200),
                new Given(endpoints.get(0), RequestFuzzer.padded(m1("FUZZ-LIMIT-2"), BODY_SIZE + 1), "an M1 over max-body-size", 413),
                new Given(endpoints.get(2), RequestFuzzer.padded(m5(endedRef, M5_SIZE), M5_SIZE), "an M5 of max-m5-size", 200),
                new Given(endpoints.get(2), RequestFuzzer.padded(m5(endedRef, M5_SIZE), M5_SIZE + 1), "an M5 over max-m5-size", 413),
                new Given(imports, pms(IMPORTED_PMS), "a referential import of 200,000 PMs, the last one at fault", 202)));

        System.out.println("OI at the limits: " + limits.summary());
        assertThat(limits.clean()).as(limits.summary()).isTrue();
        // the import goes on in the background: it reads the whole file, finds the last line's fault, applies nothing
        await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql(
                "select status from referential_import order by id desc limit 1").query(String.class).single(),
                status -> status.equals("REJECTED") || status.equals("APPLIED") || status.equals("FAILED"));
        assertThat(jdbc.sql("select status from referential_import order by id desc limit 1").query(String.class).single())
                .isEqualTo("REJECTED");
    }

    /** An M5 of as many customers as fit in {@code size} bytes. */
    private static String m5(String refOi, int size) {
        String head = "{\"Code_OC_impacte\":\"OC01\",\"Ref_Interv_OI\":\"" + refOi + "\",\"Liste_Clients_HS\":[";
        StringBuilder m5 = new StringBuilder(size).append(head);
        for (int i = 0; ; i++) {
            String customer = (i == 0 ? "" : ",") + """
                    {"PTO":"FI-%08d","PBO":"PT%08d","Tube":"T1","Fibre":"F3","Position_PM_Module_OI":"M2-P14",\
                    "HMS_Coupure":"2026-11-24T10:00:00+01:00"}""".formatted(i, i);
            if (m5.length() + customer.length() + 2 > size) {
                return m5.append("]}").toString();
            }
            m5.append(customer);
        }
    }

    /** A PM file of that many lines for OI01, the last one not a PM code: read whole, rejected. */
    private static byte[] pms(int lines) {
        StringBuilder csv = new StringBuilder("PM;Code_OI;OC\n");
        for (int i = 1; i < lines; i++) {
            csv.append("FI-FUZZ-").append(i).append(";OI01;OC01\n");
        }
        return csv.append("FI FUZZ LAST;OI01;OC01\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
