package fr.eintervention.oi.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import fr.eintervention.oi.V2Bodies;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import tools.jackson.databind.JsonNode;

/**
 * An OI that requires a line test before the end (decisions 0038, 0080): an M3 without a test is
 * refused in either version, nothing stored; once a test was asked the same M3 is accepted.
 */
@TestPropertySource(properties = "eintervention.oi.line-tests.required-before-end=true")
class TestRequiredBeforeEndTest extends V2TestSupport {

    private static final PartnerStub DO = PartnerStub.start();

    @BeforeEach
    void doReceivesM6tx() {
        DO.replyWith(request -> new PartnerStub.Reply(200, "{\"code\":0}"));
        saveDo("v2", DO.baseUrl());
    }

    @AfterEach
    void doBackToV1() {
        saveDo("v1", null);
    }

    private void saveDo(String version, String baseUrl) {
        JsonHttp.Response response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/admin/referential/partners/DO01"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"DO01\",\"baseUrl\":" + (baseUrl == null ? "null" : "\"" + baseUrl + "\"")
                                + ",\"flux3\":false,\"actsAsDo\":true,\"protocolVersion\":\"" + version + "\"}")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private boolean ended(String refOi) {
        return jdbc.sql("select fin_inter is not null from intervention where ref_interv_oi = :ref").param("ref", refOi)
                .query(Boolean.class).single();
    }

    @Test
    void anEndWithoutATestIsRefusedInEitherVersionThenAcceptedOnceATestWasAsked() {
        String ref = newRef();
        String refOi = v2("POST", "/v2/interventions-do", v2m1(ref)).json().get("refIntervOI").asString();

        JsonHttp.Response refused = v2("PUT", "/v2/interventions-do", v2m3(ref));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("M3TX_NON_DEMANDE");
        assertThat(refused.json().get("error_parameters").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(List.of("dateFinIntervention"));
        JsonHttp.Response refusedV1 = declare(m3(ref, "2026-11-24T11:40:00+01:00"));
        assertThat(refusedV1.status()).as(refusedV1.body()).isEqualTo(400);
        assertThat(refusedV1.json().get("Libelle_Reponse").asString()).isEqualTo("MAUVAIS_FORMAT");
        assertThat(refusedV1.json().get("Description_Reponse").asString()).contains("test de lignes");
        // nothing stored: not ended, no M4 queued
        assertThat(ended(refOi)).isFalse();
        assertThat(outbox(refOi)).extracting(row -> row.get("kind")).doesNotContain("M4");

        assertThat(v2("POST", "/v2/interventions-do/test-intermediaire", V2Bodies.m3tx(ref, refOi, 1)).status()).isEqualTo(200);
        JsonHttp.Response accepted = v2("PUT", "/v2/interventions-do", v2m3(ref));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(ended(refOi)).isTrue();
        // corrected afterwards: never refused
        assertThat(declare(m3(ref, "2026-11-24T11:45:00+01:00")).status()).isEqualTo(200);
    }

    @Test
    void aDoThatCannotAskATestIsNeverRefused() {
        saveDo("v1", null);
        String ref = newRef();
        v2("POST", "/v2/interventions-do", v2m1(ref));

        JsonHttp.Response accepted = v2("PUT", "/v2/interventions-do", v2m3(ref));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }
}
