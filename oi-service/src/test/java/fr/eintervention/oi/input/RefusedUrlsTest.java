package fr.eintervention.oi.input;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.RefusedUrls;
import fr.eintervention.testsupport.TestTokens;

/** URLs Tomcat or the firewall refuse themselves: MAUVAIS_FORMAT on the protocol's paths, Problem Details elsewhere. */
class RefusedUrlsTest extends OiServiceTestSupport {

    @Test
    void onTheProtocolsPathsTheContractsAnswer() {
        JsonHttp do01 = JsonHttp.at(port).as("DO01", "write:interventions");
        for (String suffix : RefusedUrls.PROTOCOL_SUFFIXES) {
            String path = "/v1/intervention_DO" + suffix;
            RefusedUrls.assertMauvaisFormat(do01.post(path, m1(newRef())), path);
        }
    }

    @Test
    void elsewhereProblemDetails() {
        JsonHttp operator = JsonHttp.at(port).withToken(TestTokens.tokenWithoutPartner("operator", "operator"));
        for (String path : RefusedUrls.PATHS) {
            RefusedUrls.assertProblemDetails(operator.get(path), path);
            RefusedUrls.assertProblemDetails(JsonHttp.at(port).get(path), path + " without a token");
        }
    }
}
