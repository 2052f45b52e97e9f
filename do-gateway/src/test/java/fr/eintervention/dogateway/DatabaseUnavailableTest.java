package fr.eintervention.dogateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.StoppablePostgres;
import fr.eintervention.testsupport.TestTokens;

/**
 * The DO gateway's PostgreSQL crashes: the M6TX receiver (v2) answers at once 503 with
 * Retry-After and Problem Details, never a 500 nor v2's error body, as the field API does; once
 * it is back, the same M6TX is answered by v2's rules again.
 */
class DatabaseUnavailableTest extends DoGatewayTestSupport {

    private static final StoppablePostgres POSTGRES = StoppablePostgres.start("do-outage-pg");
    private static final String M6TX_PATH = "/v2/interventions-oi/notification-impacte-clients-oi-do";
    private static final String M6TX = """
            {"message":"M6TX","refIntervOI":"OI03-NOT-YET","numeroTest":1,"codeOCImpacte":"OC01","nombreOC":1,
             "multiInterventionOI":false,"reparation":false,"clientHSOC":[],"ligneClientRetablie":[]}""";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @Test
    void whileTheDatabaseIsDownTheM6txReceiverAnswers503WithRetryAfter() {
        String oi03 = TestTokens.token("OI03", "write:clients");
        assertThat(JsonHttp.at(port).withToken(oi03).post(M6TX_PATH, M6TX).status()).isEqualTo(400); // the service warmed up
        POSTGRES.crash();
        try {
            StoppablePostgres.assertUnavailable(port, oi03, "POST", M6TX_PATH, M6TX);
            StoppablePostgres.assertUnavailable(port, TestTokens.tokenWithoutPartner("technician", "field"),
                    "POST", "/interventions", start(newTechnician()));
        } finally {
            POSTGRES.restart();
        }

        await().until(() -> JsonHttp.at(port).get("/actuator/health").status() == 200);
        JsonHttp.Response unknown = await().until(
                () -> JsonHttp.at(port).withToken(oi03).post(M6TX_PATH, M6TX), response -> response.status() != 503);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.text("error")).isEqualTo("REF_INTERV_OI_INCONNUE");
    }
}
