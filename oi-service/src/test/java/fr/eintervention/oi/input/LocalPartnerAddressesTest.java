package fr.eintervention.oi.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A partner's base URL naming this machine, the local link or a cloud metadata service, as
 * production has it ({@code eintervention.partner-addresses.allow-local} off): refused by the
 * referential's API and by the bulk import, nothing stored. (Not on the other tests' service:
 * their partners are stubs on this machine.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eintervention.oi.codes=OI01", "eintervention.delivery.poll-interval=1h",
                "spring.flyway.locations=classpath:db/migration,classpath:db/sample",
                "eintervention.partner-addresses.allow-local=false"})
class LocalPartnerAddressesTest {

    @LocalServerPort
    int port;

    private JsonHttp http;

    @BeforeEach
    void operator() {
        http = JsonHttp.at(port).withToken(TestTokens.tokenWithoutPartner("operator", "operator"));
    }

    private JsonHttp.Response savePartner(String code, String baseUrl) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/referential/partners/" + code))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"OC 97\",\"flux3\":true,\"baseUrl\":\"" + baseUrl + "\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/", "http://127.0.0.1:8082",
            "http://localhost:8082", "http://[::1]:8082", "http://[fe80::1]/", "http://0177.0.0.1/"})
    void theReferentialApiRefusesThem(String url) {
        JsonHttp.Response response = savePartner("OC97", url);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.text("detail")).startsWith("baseUrl: ").contains("eintervention.partner-addresses.allow-local");
        assertThat(http.get("/admin/referential/partners").body()).doesNotContain("\"OC97\"");
    }

    @Test
    void theBulkImportRefusesThem() {
        String csv = """
                Code;Nom;URL;Flux3
                OC95;Opérateur 95;https://oc95.example.com/api;true
                OC96;Opérateur 96;http://169.254.169.254/latest/meta-data/;true
                OC97;Opérateur 97;http://localhost:8082;false
                """;
        JsonHttp.Response started = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/admin/referential/imports?mode=merge"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = "/admin/referential/imports/" + started.json().get("id").asLong();

        JsonNode job = await().atMost(Duration.ofSeconds(60)).until(() -> http.get(location).json(),
                state -> List.of("APPLIED", "REJECTED", "FAILED").contains(state.get("status").asString()));

        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(job.get("faults").valueStream().map(f -> f.get("line").asInt() + " " + f.get("field").asString()))
                .containsExactly("3 URL", "4 URL");
        assertThat(job.get("faults").get(0).get("reason").asString()).contains("metadata");
        assertThat(http.get("/admin/referential/partners").body()).doesNotContain("OC95");
    }
}
