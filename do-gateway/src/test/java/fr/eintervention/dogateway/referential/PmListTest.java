package fr.eintervention.dogateway.referential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.JsonHttp;

/** The DO's list of PMs over HTTP: loaded by an operator (CSV or JSON), read by the technicians' tools. */
class PmListTest extends DoGatewayTestSupport {

    private JsonHttp.Response load(JsonHttp as, String oi, String contentType, String body) {
        return as.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/pms/" + oi))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void anOperatorLoadsACsvListThatReplacesTheOisAndTheToolsReadIt() {
        JsonHttp.Response loaded = load(operator, "OI02", "text/csv", """
                pm,label
                FI-35238-0009,"Rennes, rue de Brest"
                # a comment
                FI-35238-0008

                FI-35238-0009,"Rennes, rue de Brest (bis)"
                """);
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().get("pms").asInt()).isEqualTo(2);

        JsonHttp.Response pms = http.get("/pms?oi=OI02");
        assertThat(pms.status()).isEqualTo(200);
        assertThat(pms.body()).isEqualTo("[{\"pm\":\"FI-35238-0008\"},{\"pm\":\"FI-35238-0009\",\"label\":\"Rennes, rue de Brest (bis)\"}]");

        // loaded again as JSON: the OI's list is replaced, the other OI's is untouched
        assertThat(load(operator, "OI02", "application/json", "[{\"pm\":\"FI-35238-0007\"}]").status()).isEqualTo(200);
        assertThat(http.get("/pms?oi=OI02").body()).isEqualTo("[{\"pm\":\"FI-35238-0007\"}]");
    }

    @Test
    void aListWithFaultyLinesIsRefusedLineByLineAndNothingIsStored() {
        load(operator, "OI02", "application/json", "[{\"pm\":\"FI-35238-0006\"}]");

        JsonHttp.Response refused = load(operator, "OI02", "text/csv", "FI-35238-0005\nFI 35238\n,no pm\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("line 2").contains("line 3").doesNotContain("line 1\"");
        assertThat(http.get("/pms?oi=OI02").body()).isEqualTo("[{\"pm\":\"FI-35238-0006\"}]");
        assertThat(load(operator, "OI77", "text/csv", "FI-35238-0005").status()).isEqualTo(400);
        assertThat(http.get("/pms?oi=OI77").status()).isEqualTo(400);
        assertThat(http.get("/pms").status()).isEqualTo(400);
    }

    @Test
    void onlyAnOperatorLoadsIt() {
        assertThat(load(http, "OI02", "text/csv", "FI-35238-0005").status()).isEqualTo(403);
        assertThat(operator.get("/pms?oi=OI02").status()).isEqualTo(403);
    }
}
