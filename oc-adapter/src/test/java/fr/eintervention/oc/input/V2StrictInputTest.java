package fr.eintervention.oc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;

/**
 * What cannot be text of the protocol, sent to v2's endpoints, is refused with a 4xx and a body
 * (v2's error body once the protocol reads it, Problem Details before), never a 5xx, and nothing
 * is stored.
 */
class V2StrictInputTest extends OcAdapterTestSupport {

    private static final String START = "2026-11-24T09:00:00+01:00";
    private final HttpClient client = HttpClient.newHttpClient();

    private JsonHttp.Response send(String contentType, String accept, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/interventions-oi"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + TestTokens.token("OI02", "write:interventions"));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new JsonHttp.Response(response.statusCode(), response.body(), JsonHttp.parse(response.body()));
    }


    private static void refusedWithABody(JsonHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isNotBlank();
    }

    @Test
    void textTheProtocolCannotCarryIsRefusedAndNothingIsStored() throws Exception {
        String pm = newPm();
        String ref = newRef();
        String m2 = m2v2(ref, pm, START);
        refusedWithABody(send("application/json", null, m2.replace("PT000123", "PT\\u0000123").getBytes(StandardCharsets.UTF_8)), 400);
        refusedWithABody(send("application/json", null, m2.replace("PT000123", "\\ud800").getBytes(StandardCharsets.UTF_8)), 400);
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(m2.getBytes(StandardCharsets.UTF_8));
        refusedWithABody(send("application/json", null, bom.toByteArray()), 400);
        refusedWithABody(send("application/json", null, m2.getBytes(StandardCharsets.UTF_16LE)), 400);
        refusedWithABody(send("application/json", null, ("{\"x\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8)), 413);
        assertThat(windowRows(ref)).isZero();
    }

    @Test
    void oddContentTypesAndAcceptsAreRefusedWithABody() throws Exception {
        String ref = newRef();
        byte[] m2 = m2v2(ref, newPm(), START).getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=UTF-16"}) {
            JsonHttp.Response response = send(type, null, m2);
            assertThat(response.status()).as(type + " " + response.body()).isBetween(400, 499);
            assertThat(response.body()).isNotBlank();
        }
        JsonHttp.Response xml = send("application/json", "application/xml", m2);
        assertThat(xml.status()).as(xml.body()).isBetween(400, 499);
        assertThat(windowRows(ref)).isZero();
    }

    @Test
    void anEmptyBodyOrNoObjectIsV2sFormatError() throws Exception {
        for (String body : new String[] {"", "[]", "null", "\"M2\""}) {
            JsonHttp.Response response = send("application/json", null, body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as("[" + body + "] " + response.body()).isEqualTo(400);
            assertThat(response.json().get("error").asString()).isEqualTo("MAUVAIS_FORMAT");
        }
    }
}
