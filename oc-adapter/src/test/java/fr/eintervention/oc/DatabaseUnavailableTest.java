package fr.eintervention.oc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.StoppablePostgres;
import fr.eintervention.testsupport.TestTokens;

/**
 * The OC adapter's PostgreSQL crashes: every protocol endpoint, v1's and v2's (M2/M4, the repair
 * report, M4TX), answers at once 503 with Retry-After and Problem Details, never a 500 nor v2's
 * error body; once it is back, the same messages are accepted.
 */
class DatabaseUnavailableTest extends OcAdapterTestSupport {

    private static final StoppablePostgres POSTGRES = StoppablePostgres.start("oc-outage-pg");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @Test
    void whileTheDatabaseIsDownEveryProtocolEndpointAnswers503WithRetryAfter() {
        String pm = newPm();
        String ref = "OI02-" + newRef();
        String start = "2026-11-24T09:00:00+01:00";
        String end = "2026-11-24T10:00:00+01:00";
        String report = """
                {"message":"CR","codeOI":"OI02","refIntervOI":"%s","lignesImpactees":[{"refPTO":"FI-1234-5678","retStatut":true}],
                 "lignesRetablies":[{"refPTO":"FI-1234-5678"}]}""".formatted(ref);
        String m4tx = """
                {"message":"M4TX","codeOI":"OI02","refIntervOI":"%s","numeroTest":1,"dateTest":"2026-11-24T09:10:00+01:00","natureTest":"PM"}"""
                .formatted(ref);
        String oi01 = TestTokens.token("OI01", "write:interventions");
        String oi02 = TestTokens.token("OI02", "write:interventions");

        POSTGRES.crash();
        try {
            StoppablePostgres.assertUnavailable(port, oi01, "POST", "/v1/intervention_OI", m2(newRef(), pm, start));
            StoppablePostgres.assertUnavailable(port, oi02, "POST", "/v2/interventions-oi", m2v2(ref, pm, start));
            StoppablePostgres.assertUnavailable(port, oi02, "PUT", "/v2/interventions-oi", m4v2(ref, pm, start, end));
            StoppablePostgres.assertUnavailable(port, oi02, "POST", "/v2/interventions-oi/compte-rendu", report);
            StoppablePostgres.assertUnavailable(port, oi02, "POST", "/v2/interventions-oi/test-intermediaire", m4tx);
        } finally {
            POSTGRES.restart();
        }

        await().until(() -> JsonHttp.at(port).get("/actuator/health").status() == 200);
        await().until(() -> sendV2("POST", "/v2/interventions-oi", m2v2(ref, pm, start)).status() == 200);
        acceptedV2("POST", "/v2/interventions-oi/test-intermediaire", m4tx);
        acceptedV2("PUT", "/v2/interventions-oi", m4v2(ref, pm, start, end));
        acceptedV2("POST", "/v2/interventions-oi/compte-rendu", report);
        assertThat(windowRows(ref)).isEqualTo(1);
    }
}
