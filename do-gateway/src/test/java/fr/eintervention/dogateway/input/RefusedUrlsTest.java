package fr.eintervention.dogateway.input;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.RefusedUrls;
import fr.eintervention.testsupport.TestTokens;

/** URLs Tomcat or the firewall refuse themselves: Problem Details (the gateway has no protocol endpoint of its own). */
class RefusedUrlsTest extends DoGatewayTestSupport {

    @Test
    void problemDetails() {
        JsonHttp field = JsonHttp.at(port).withToken(TestTokens.tokenWithoutPartner("technician", "field"));
        for (String path : RefusedUrls.PATHS) {
            RefusedUrls.assertProblemDetails(field.get(path), path);
            RefusedUrls.assertProblemDetails(JsonHttp.at(port).get(path), path + " without a token");
        }
    }
}
