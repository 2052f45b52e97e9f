package fr.eintervention.delivery;

import static fr.eintervention.delivery.DeliveryStatus.DELIVERED;
import static fr.eintervention.delivery.DeliveryStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub.Reply;
import tools.jackson.databind.JsonNode;

/** {@code /admin/deliveries}, over HTTP as an operator or a console uses it. */
class DeliveryAdminApiTest extends DeliveryTestSupport {

    @LocalServerPort
    int port;
    JsonHttp http;

    @BeforeEach
    void client() {
        http = JsonHttp.at(port);
    }

    @Test
    void showsAndResendsAMessage() {
        Partner oc = partner();
        oc.stub().replyWith(request -> Reply.ko(404, 4, "PM_INCONNU", "PM inconnu: FI-35238-0001"));
        long id = enqueue(oc.code(), "REF-ADMIN");
        awaitStatus(id, REJECTED);

        JsonHttp.Response list = http.get("/admin/deliveries?subject=REF-ADMIN&status=REJECTED&page=0&size=10");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("total").asInt()).isEqualTo(1);
        JsonNode item = list.json().get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.get("partner").asString()).isEqualTo(oc.code());
        assertThat(item.get("answerLabel").asString()).isEqualTo("PM_INCONNU");

        JsonHttp.Response one = http.get("/admin/deliveries/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("status")).isEqualTo("REJECTED");
        assertThat(one.text("answerDescription")).isEqualTo("PM inconnu: FI-35238-0001");

        oc.stub().replyOk();
        JsonHttp.Response resent = http.post("/admin/deliveries/" + id + "/resend", "");
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.text("status")).isEqualTo("PENDING");
        awaitStatus(id, DELIVERED);
    }

    @Test
    void anUnknownMessageIsAProblemDetail404() {
        for (JsonHttp.Response response : new JsonHttp.Response[] {
                http.get("/admin/deliveries/987654321"), http.post("/admin/deliveries/987654321/resend", "")}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.text("detail")).isEqualTo("no message 987654321");
            assertThat(response.json().get("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void resendsTheFailedAndRejectedMessagesOfAPartner() {
        Partner oc = partner();
        oc.stub().replyWith(request -> Reply.ko(400, 2, "MAUVAIS_FORMAT", "PBO"));
        long id = enqueue(oc.code(), "REF-ADMIN-ALL");
        awaitStatus(id, REJECTED);
        oc.stub().replyOk();

        JsonHttp.Response response = http.post("/admin/deliveries/resend?partner=" + oc.code() + "&from=2000-01-01T00:00:00Z", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("requeued").asInt()).isEqualTo(1);
        awaitStatus(id, DELIVERED);
    }

    @Test
    void refusesBadParametersWithAProblemDetail() {
        assertBadRequest(http.post("/admin/deliveries/resend", ""), "partner");
        assertBadRequest(http.post("/admin/deliveries/resend?from=yesterday", ""), "from");
        assertBadRequest(http.post("/admin/deliveries/resend?partner=OC01&to=2026-13-45T00:00:00Z", ""), "to");
        assertBadRequest(http.get("/admin/deliveries?status=LOST"), "status");
        assertBadRequest(http.get("/admin/deliveries/abc"), "id");
        assertBadRequest(http.get("/admin/deliveries?size=0"), null);
    }

    @Test
    void showsTheBacklogPerPartner() {
        Partner oc = partner();
        oc.stub().replyWith(request -> Reply.ko(400, 2, "MAUVAIS_FORMAT", "PBO"));
        awaitStatus(enqueue(oc.code(), "REF-ADMIN-BACKLOG"), REJECTED);

        JsonHttp.Response response = http.get("/admin/deliveries/backlog");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().values()).anySatisfy(backlog -> {
            assertThat(backlog.get("partner").asString()).isEqualTo(oc.code());
            assertThat(backlog.get("rejected").asInt()).isEqualTo(1);
            assertThat(backlog.get("pending").asInt()).isZero();
        });
    }

    @Test
    void isDocumentedInTheServicesOpenApi() {
        JsonHttp.Response docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/admin/deliveries", "/admin/deliveries/{id}",
                "/admin/deliveries/{id}/resend", "/admin/deliveries/resend", "/admin/deliveries/backlog");
    }

    private static void assertBadRequest(JsonHttp.Response response, String mentioned) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        if (mentioned != null) {
            assertThat(response.text("detail")).contains(mentioned);
        }
    }
}
