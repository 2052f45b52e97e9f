package fr.eintervention.oi.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;

/** Who may declare interventions, where partners are reached, and how large an M5 may be. */
class PartnerChecksTest extends OiServiceTestSupport {

    private JsonHttp.Response savePartner(String code, String body) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/referential/partners/" + code))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aCodeDoThatIsNotADoOfTheReferentialIsRefusedAndNothingIsStored() {
        String ref = newRef();
        JsonHttp.Response unknown = JsonHttp.at(port).as("DO98", "write:interventions")
                .post("/v1/intervention_DO", m1(ref).replace("DO01", "DO98"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("Libelle_Reponse")).isEqualTo("MAUVAIS_FORMAT");
        assertThat(unknown.text("Description_Reponse")).isEqualTo("Code_DO inconnu de l'OI: DO98");
        assertThat(jdbc.sql("select count(*) from intervention where code_do = 'DO98'").query(Long.class).single()).isZero();

        // an OC of the referential is no DO either
        JsonHttp.Response oc = JsonHttp.at(port).as("OC01", "write:interventions")
                .post("/v1/intervention_DO", m1(newRef()).replace("DO01", "OC01"));
        assertThat(oc.text("Description_Reponse")).isEqualTo("Code_DO inconnu de l'OI: OC01");

        assertThat(savePartner("DO98", "{\"name\":\"DO 98\",\"flux3\":false,\"actsAsDo\":true}").status()).isEqualTo(200);
        JsonHttp.Response known = JsonHttp.at(port).as("DO98", "write:interventions")
                .post("/v1/intervention_DO", m1(ref).replace("DO01", "DO98"));
        assertThat(known.status()).as(known.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "jar:file:/x.jar!/", "not a url", "ftp://oc.example.com",
            "http:///no-host", "http://user:secret@oc.example.com", "/relative/path"})
    void aPartnerUrlIsHttpOrHttpsWithAHost(String url) {
        JsonHttp.Response response = savePartner("OC98", "{\"name\":\"OC 98\",\"flux3\":true,\"baseUrl\":\"" + url + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.text("detail")).startsWith("baseUrl: ");
        assertThat(savePartner("OC98", "{\"name\":\"OC 98\",\"flux3\":true,\"baseUrl\":\"https://oc98.example.com/api\"}").status())
                .isEqualTo(200);
    }

    private static String m5(String refOi, int customers) {
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            clients.add("""
                    {"PTO":"FI-%08d","PBO":"PT%08d","Tube":"T1","Fibre":"F3","Position_PM_Module_OI":"M2-P14",\
                    "HMS_Coupure":"2026-11-24T10:00:00+01:00"}""".formatted(i, i));
        }
        return "{\"Code_OC_impacte\":\"OC01\",\"Ref_Interv_OI\":\"" + refOi + "\",\"Liste_Clients_HS\":["
                + String.join(",", clients) + "]}";
    }

    @Test
    void anM5OfEveryCustomerOfALargePmIsTakenAndOnePastTheLimitIsRefused() {
        String refOi = declare(m1(newRef()).replace("\"Debut_Inter\"",
                "\"Fin_Inter\":\"2026-11-24T11:00:00+01:00\",\"Debut_Inter\"")).text("Ref_Interv_OI");

        // 5,000 customers: about 700KB, far past the 256KB of every other request
        JsonHttp.Response large = asOc("OC01").post("/v1/client_HS_OC_Par_Inter", m5(refOi, 5_000));
        assertThat(large.status()).as(large.body()).isEqualTo(200);

        JsonHttp.Response tooLarge = asOc("OC01").post("/v1/client_HS_OC_Par_Inter", m5(refOi, 30_000));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("detail")).contains("larger than");
    }
}
