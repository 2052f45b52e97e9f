package fr.eintervention.delivery;

import static fr.eintervention.delivery.DeliveryStatus.DELIVERED;
import static fr.eintervention.delivery.DeliveryStatus.PENDING;
import static fr.eintervention.delivery.DeliveryStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

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
    void keepsEveryAttemptAndThePartnersFigures() throws Exception {
        Partner oc = partner();
        AtomicInteger calls = new AtomicInteger();
        oc.stub().replyWith(request -> switch (calls.incrementAndGet()) {
            case 1 -> new Reply(503, "{\"error\":\"maintenance\"}");
            case 2 -> Reply.status(429).withHeader("Retry-After", "0");
            default -> Reply.ok();
        });
        long id = enqueue(oc.code(), "REF-ADMIN-ATTEMPTS");
        DeliveryRecord waiting = awaitRecord(id, record -> record.attempts() == 1 && record.status() == PENDING);

        JsonHttp.Response first = http.get("/admin/deliveries/" + id + "/attempts");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().size()).isEqualTo(1);
        JsonNode retried = first.json().get(0);
        assertThat(retried.get("httpStatus").asInt()).isEqualTo(503);
        assertThat(retried.get("status").asString()).isEqualTo("PENDING");
        assertThat(retried.get("answerStart").asString()).isEqualTo("{\"error\":\"maintenance\"}");
        assertThat(retried.get("error").asString()).isEqualTo("HTTP 503");
        assertThat(Instant.parse(retried.get("nextAttemptAt").asString())).isEqualTo(waiting.nextAttemptAt());
        assertThat(retried.get("durationMs").asInt()).isNotNegative();

        advance(Duration.ofMinutes(1));
        awaitStatus(id, DELIVERED);

        JsonNode attempts = http.get("/admin/deliveries/" + id + "/attempts").json();
        assertThat(attempts.values()).extracting(attempt -> attempt.get("httpStatus").asInt()).containsExactly(503, 429, 200);
        assertThat(attempts.values()).extracting(attempt -> attempt.get("status").asString())
                .containsExactly("PENDING", "PENDING", "DELIVERED");
        assertThat(attempts.get(2).get("nextAttemptAt").isNull()).isTrue();
        assertThat(attempts.get(2).get("answerLabel").asString()).isEqualTo("OK");

        JsonHttp.Response health = http.get("/admin/deliveries/partners/" + oc.code());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("attempts").asInt()).isEqualTo(3);
        assertThat(health.json().get("delivered").asInt()).isEqualTo(1);
        assertThat(health.json().get("successRate").asDouble()).isCloseTo(1.0 / 3, within(0.001));
        assertThat(health.json().get("throttled429").asInt()).isEqualTo(1);
        assertThat(health.json().get("unavailable503").asInt()).isEqualTo(1);
        assertThat(health.json().get("latencyP50Ms").isNumber()).isTrue();
        assertThat(health.json().get("latencyP95Ms").asDouble()).isGreaterThanOrEqualTo(health.json().get("latencyP50Ms").asDouble());
        assertThat(health.text("circuit")).isEqualTo("CLOSED");
        assertThat(health.json().get("waiting").asInt()).isZero();
        assertThat(health.json().get("oldestWaitingCreatedAt").isNull()).isTrue();
        assertThat(http.get("/admin/deliveries/partners").json().values())
                .anySatisfy(partner -> assertThat(partner.get("partner").asString()).isEqualTo(oc.code()));
        assertThat(http.get("/admin/deliveries/987654321/attempts").status()).isEqualTo(404);
    }

    @Test
    void aPartnerNeverCalledHasNoFigures() {
        JsonHttp.Response health = http.get("/admin/deliveries/partners/ZZ99");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("attempts").asInt()).isZero();
        assertThat(health.json().get("successRate").isNull()).isTrue();
        assertThat(health.json().get("circuit").isNull()).isTrue();
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
                "/admin/deliveries/{id}/resend", "/admin/deliveries/resend", "/admin/deliveries/backlog",
                "/admin/deliveries/{id}/attempts", "/admin/deliveries/partners", "/admin/deliveries/partners/{partner}");
    }

    private static void assertBadRequest(JsonHttp.Response response, String mentioned) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        if (mentioned != null) {
            assertThat(response.text("detail")).contains(mentioned);
        }
    }
}
