package fr.eintervention.oi.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.oi.V2Bodies;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** The OI with OC02 speaking v2 (OC01 and OC03 stay v1): v2 bodies and requests. */
abstract class V2TestSupport extends OiServiceTestSupport {

    @BeforeEach
    void oc02SpeaksV2() {
        setVersion("OC02", "v2");
        OCS.get("OC02").replyWith(request -> new fr.eintervention.testsupport.PartnerStub.Reply(200,
                "{\"code\":0,\"refIntervOI\":\"x\"}"));
    }

    protected void setVersion(String code, String version) {
        JsonNode partner = null;
        for (JsonNode p : http.get("/admin/referential/partners").json()) {
            if (p.get("code").asString().equals(code)) {
                partner = p;
            }
        }
        String body = """
                {"name":"%s","baseUrl":%s,"flux3":%s,"actsAsDo":%s,"protocolVersion":"%s"}""".formatted(
                code, partner.get("baseUrl").isNull() ? "null" : "\"" + partner.get("baseUrl").asString() + "\"",
                partner.get("flux3").asBoolean(), partner.get("actsAsDo").asBoolean(), version);
        JsonHttp.Response response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/admin/referential/partners/" + code))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static String v2m1(String refDo) {
        return V2Bodies.m1(refDo);
    }

    static String v2m3(String refDo) {
        return V2Bodies.m3(refDo);
    }

    static String report(String refDo) {
        return V2Bodies.report(refDo);
    }

    JsonHttp.Response v2(String method, String path, String body) {
        return do01.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** What an OC received about an OI reference, on any path, in order. */
    static List<fr.eintervention.testsupport.PartnerStub.Received> receivedAbout(String oc, String refOi) {
        return OCS.get(oc).received().stream().filter(r -> r.body().contains(refOi)).toList();
    }
}
