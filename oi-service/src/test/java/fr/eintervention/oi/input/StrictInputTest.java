package fr.eintervention.oi.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** What cannot be text of the protocol is refused with the endpoint's normal answer, and nothing is stored. */
class StrictInputTest extends OiServiceTestSupport {

    private final HttpClient client = HttpClient.newHttpClient();

    private JsonHttp.Response send(String method, String path, String contentType, String accept, byte[] body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new JsonHttp.Response(response.statusCode(), response.body(), JsonHttp.parse(response.body()));
    }

    private JsonHttp.Response m1(byte[] body, String accept) throws Exception {
        return send("POST", "/v1/intervention_DO", "application/json", accept, body,
                TestTokens.token("DO01", "write:interventions"));
    }

    private static void mauvaisFormat(JsonHttp.Response response, String mentioning) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("Code_Reponse").asInt()).isEqualTo(2);
        assertThat(response.text("Libelle_Reponse")).isEqualTo("MAUVAIS_FORMAT");
        assertThat(response.text("Description_Reponse")).hasSizeLessThanOrEqualTo(100).contains(mentioning);
    }

    @Test
    void anM1WithNulInAValueIsAFormatErrorNamingTheFieldAndNothingIsStored() throws Exception {
        String ref = newRef();
        JsonHttp.Response response = m1(m1(ref).replace("PT000456", "PT\\u0000456").getBytes(StandardCharsets.UTF_8), null);

        mauvaisFormat(response, "Nature_PBO_PTO[1].PBO");
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void anM1WithALoneSurrogateABomUtf16OrOverlongUtf8IsAFormatError() throws Exception {
        String ref = newRef();
        mauvaisFormat(m1(m1(ref).replace("PT000456", "\\ud800").getBytes(StandardCharsets.UTF_8), null), "surrogate");
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(m1(ref).getBytes(StandardCharsets.UTF_8));
        mauvaisFormat(m1(bom.toByteArray(), null), "byte-order mark");
        mauvaisFormat(m1(m1(ref).getBytes(StandardCharsets.UTF_16LE), null), "body");
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.write(m1(ref).replace("PT000456", "@").split("@")[0].getBytes(StandardCharsets.UTF_8));
        overlong.write(new byte[] {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAF});
        overlong.write(m1(ref).replace("PT000456", "@").split("@")[1].getBytes(StandardCharsets.UTF_8));
        mauvaisFormat(m1(overlong.toByteArray(), null), "overlong");
        assertThat(interventionCount(ref)).isZero();
    }

    @Test
    void anM1AskingForXmlGetsTheContractsAnswerInJson() throws Exception {
        mauvaisFormat(m1(m1(newRef()).getBytes(StandardCharsets.UTF_8), "application/xml"), "Accept");
    }

    @Test
    void aQueryFilterWithNulIsAProblemNamingTheParameter() throws Exception {
        JsonHttp.Response response = send("GET", "/consultation/interventions?pm=FI%00X", null, null, null,
                TestTokens.tokenWithoutPartner("operator", "operator"));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("query parameter pm");
        assertThat(error.get("reason").asString()).contains("U+0000");
    }

    @Test
    void oddContentTypesAndAcceptsGetA415OrA406WithABody() throws Exception {
        String operator = TestTokens.tokenWithoutPartner("operator", "operator");
        byte[] pm = "{\"codeOi\":\"OI01\",\"operators\":[\"OC03\"]}".getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"*/*", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=UTF-16"}) {
            JsonHttp.Response response = send("PUT", "/admin/referential/pms/FI-STRICT-1", type, null, pm, operator);
            assertThat(response.status()).as(type).isEqualTo(415);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Content-Type");
        }
        JsonHttp.Response xml = send("GET", "/consultation/interventions", null, "application/xml", null, operator);
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.json().get("status").asInt()).isEqualTo(406);
    }

    @Test
    void aMultipartBodyIsRefusedBeforeItIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            java.io.OutputStream out = socket.getOutputStream();
            // a chunked multipart body of which only the first chunk is ever sent
            out.write(("PUT /admin/referential/pms/FI-STRICT-2 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TestTokens.tokenWithoutPartner("operator", "operator") + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "10\r\n--xyz\r\nContent-Di\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(20_000);

            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(answer).isEqualTo("HTTP/1.1 415");
        }
    }
}
