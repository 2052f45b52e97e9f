package fr.eintervention.oc.referential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;

/** The OC's PM list, maintained through {@code /admin/pms}. */
class PmAdminTest extends OcAdapterTestSupport {

    @Test
    void addsListsAndRemovesPms() {
        newPm(); // the list stays loaded after the removal
        String pm = newPm();

        assertThat(http.get("/admin/pms?size=500").json().get("items").toString()).contains(pm);

        JsonHttp.Response removed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/pms/" + pm))
                .DELETE());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(declare(m2(newRef(), pm, "2026-11-24T09:00:00+01:00")).status()).as("no longer the OC's").isEqualTo(404);
    }

    @Test
    void refusesAnInvalidPm() {
        JsonHttp.Response response = put("/admin/pms/" + "P".repeat(51));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("PM");
    }

    @Test
    void importsACsvFileAllOrNothing() {
        newPm(); // the list is loaded: the check applies
        String first = "FI-CSV-" + newRef();
        String second = "FI-CSV-" + newRef();

        JsonHttp.Response refused = http.post("/admin/pms/csv", "text/csv", "PM\n" + first + "\nnot a pm\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(declare(m2(newRef(), first, "2026-11-24T09:00:00+01:00")).status()).as("nothing imported").isEqualTo(404);

        JsonHttp.Response imported = http.post("/admin/pms/csv", "text/csv", "PM\n" + first + "\n" + second + "\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        accepted(m2(newRef(), second, "2026-11-24T09:00:00+01:00"));
    }
}
