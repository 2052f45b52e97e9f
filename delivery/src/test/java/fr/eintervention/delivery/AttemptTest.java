package fr.eintervention.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class AttemptTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");

        assertThat(Attempt.retryAfter("3", now)).contains(Duration.ofSeconds(3));
        assertThat(Attempt.retryAfter("Mon, 30 Nov 2026 08:00:05 GMT", now)).contains(Duration.ofSeconds(5));
        assertThat(Attempt.retryAfter("Mon, 30 Nov 2026 07:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(Attempt.retryAfter("-2", now)).contains(Duration.ZERO);
        assertThat(Attempt.retryAfter("soon", now)).isEmpty();
        assertThat(Attempt.retryAfter(null, now)).isEmpty();
    }

    @Test
    void aPartnerAskingToWaitIsNeitherARetryNorAFailure() {
        Attempt tooMany = Attempt.answered(429, "", null, MAPPER);
        Attempt unavailable = Attempt.answered(503, "", "7", MAPPER);
        Attempt down = Attempt.answered(503, "", null, MAPPER);

        assertThat(tooMany.result()).isEqualTo(Attempt.Result.THROTTLED);
        assertThat(tooMany.retryAfter()).isEqualTo(Attempt.DEFAULT_RETRY_AFTER);
        assertThat(tooMany.partnerHealthy()).isTrue();
        assertThat(unavailable.result()).isEqualTo(Attempt.Result.THROTTLED);
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(down.result()).as("a 503 without Retry-After is a failure, retried").isEqualTo(Attempt.Result.RETRY);
        assertThat(down.partnerHealthy()).isFalse();
    }

    @Test
    void readsAV2AnswerAsAProtocolAnswer() {
        Attempt accepted = Attempt.answered(200, "{\"code\":0,\"refIntervOI\":\"R1\"}", MAPPER);
        Attempt refused = Attempt.answered(400,
                "{\"error\":\"REF_INTERV_OI_INCONNUE\",\"error_description\":\"inconnue\"}", MAPPER);
        Attempt serverError = Attempt.answered(500, "{\"error\":\"Internal Server Error\"}", MAPPER);

        assertThat(accepted.result()).isEqualTo(Attempt.Result.DELIVERED);
        assertThat(refused.result()).isEqualTo(Attempt.Result.REJECTED);
        assertThat(refused.answerLabel()).isEqualTo("REF_INTERV_OI_INCONNUE");
        assertThat(serverError.result()).as("a framework's error page is no v2 answer").isEqualTo(Attempt.Result.RETRY);
    }

    @Test
    void aV2AnswerIsReadAsV1sIs() {
        Attempt ok = Attempt.answered(200, "{\"code\":0,\"description\":\"OK\",\"refIntervOI\":\"OI-1\"}", MAPPER);
        assertThat(ok.result()).isEqualTo(Attempt.Result.DELIVERED);
        assertThat(ok.answerLabel()).isEqualTo("OK");
        Attempt refused = Attempt.answered(400, "{\"error\":\"TEST_PRECEDENT_NON_ACQUITTE\",\"error_description\":\"en attente\"}", MAPPER);
        assertThat(refused.result()).isEqualTo(Attempt.Result.REJECTED);
        assertThat(refused.answerLabel()).isEqualTo("TEST_PRECEDENT_NON_ACQUITTE");
        assertThat(refused.answerDescription()).isEqualTo("en attente");
        assertThat(refused.error()).isEqualTo("answered TEST_PRECEDENT_NON_ACQUITTE");
    }

    @Test
    void aPathMayNameItsMethod() {
        assertThat(OutboundMessage.target("PUT /v2/interventions-do"))
                .isEqualTo(new OutboundMessage.Target(org.springframework.http.HttpMethod.PUT, "/v2/interventions-do"));
        assertThat(OutboundMessage.target("/v1/intervention_DO"))
                .isEqualTo(new OutboundMessage.Target(org.springframework.http.HttpMethod.POST, "/v1/intervention_DO"));
    }
}
