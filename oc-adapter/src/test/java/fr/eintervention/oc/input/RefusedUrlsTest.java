package fr.eintervention.oc.input;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.RefusedUrls;
import fr.eintervention.testsupport.TestTokens;

/** URLs Tomcat or the firewall refuse themselves: MAUVAIS_FORMAT on the protocol's paths, Problem Details elsewhere. */
class RefusedUrlsTest extends OcAdapterTestSupport {

    @Test
    void onTheProtocolsPathsTheContractsAnswer() {
        JsonHttp oi = asOi("OI01");
        for (String suffix : RefusedUrls.PROTOCOL_SUFFIXES) {
            String path = "/v1/intervention_OI" + suffix;
            RefusedUrls.assertMauvaisFormat(oi.post(path, m2(newRef(), "FI-35238-0001", "2026-11-24T09:15:00+01:00")), path);
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
