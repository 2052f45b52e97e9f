package fr.eintervention.oi.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.OiServiceTest;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;

/**
 * The trace of an M1 (its W3C traceparent) is kept with the M2 it causes in the outbox and sent
 * with them to the OCs, from the delivery engine's threads.
 */
class TracePropagationTest extends OiServiceTest {

    @Test
    void theM2CarryTheTraceOfTheM1() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        JsonHttp.Response m1 = do01.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/intervention_DO"))
                .header("Content-Type", "application/json").header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(m1(newRef()))));
        assertThat(m1.status()).isEqualTo(200);
        String refOi = m1.text("Ref_Interv_OI");

        assertThat(outbox(refOi)).hasSize(2);
        assertThat(jdbc.sql("select traceparent from delivery_message where subject = :ref").param("ref", refOi)
                .query(String.class).list()).allSatisfy(stored -> assertThat(stored).startsWith("00-" + traceId + "-"));
        for (String oc : List.of("OC01", "OC02")) {
            PartnerStub stub = OCS.get(oc);
            await().atMost(Duration.ofSeconds(20)).until(() -> received(stub, refOi) != null);
            assertThat(received(stub, refOi).header("traceparent")).as(oc).startsWith("00-" + traceId + "-").endsWith("-01");
        }
    }

    private static PartnerStub.Received received(PartnerStub stub, String refOi) {
        return stub.received("/v1/intervention_OI").stream().filter(r -> r.body().contains(refOi)).findFirst().orElse(null);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros (invalid)
        return bytes;
    }
}
