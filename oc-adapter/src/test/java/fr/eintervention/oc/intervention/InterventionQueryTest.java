package fr.eintervention.oc.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** {@code GET /interventions}: on a PM now, between two dates, paginated; bad parameters are 400 Problem Details. */
class InterventionQueryTest extends OcAdapterTestSupport {

    private List<String> refs(JsonHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> refs = new ArrayList<>();
        response.json().get("items").forEach(item -> refs.add(item.get("refIntervOi").asString()));
        return refs;
    }

    @Test
    void listsTheInterventionsOnAPmNow() {
        String pm = newPm();
        String ongoing = newRef();
        String ended = newRef();
        String elsewhere = newRef();
        accepted(m2(ongoing, pm, "2026-11-24T09:00:00+01:00"));
        accepted(m4(ended, pm, "2026-11-24T08:00:00+01:00", "2026-11-24T08:30:00+01:00"));
        accepted(m2(elsewhere, newPm(), "2026-11-24T09:00:00+01:00"));
        clock.set("2026-11-24T10:00:00+01:00");

        assertThat(refs(http.get("/interventions?pm=" + pm + "&at=now"))).containsExactly(ongoing);
        assertThat(refs(http.get("/interventions?pm=" + pm + "&at=2026-11-24T08:15:00%2B01:00")))
                .containsExactly(ended);
    }

    @Test
    void listsTheInterventionsOverlappingTwoDatesMostRecentFirstByPage() {
        String pm = newPm();
        String first = newRef();
        String second = newRef();
        String before = newRef();
        accepted(m4(first, pm, "2026-11-24T09:00:00+01:00", "2026-11-24T10:00:00+01:00"));
        accepted(m4(second, pm, "2026-11-24T14:00:00+01:00", "2026-11-24T15:00:00+01:00"));
        accepted(m4(before, pm, "2026-11-23T09:00:00+01:00", "2026-11-23T10:00:00+01:00"));

        String query = "/interventions?pm=" + pm + "&from=2026-11-24T09:30:00%2B01:00&to=2026-11-25";
        assertThat(refs(http.get(query))).containsExactly(second, first);

        JsonHttp.Response page = http.get(query + "&page=1&size=1");
        assertThat(refs(page)).containsExactly(first);
        JsonNode json = page.json();
        assertThat(json.get("total").asInt()).isEqualTo(2);
        assertThat(json.get("page").asInt()).isEqualTo(1);
        assertThat(json.get("size").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "neither at nor from/to | pm=X | at",
            "at and from | at=now&from=2026-11-24 | at",
            "from without to | from=2026-11-24 | to",
            "at not a timestamp | at=yesterday | at",
            "to before from | from=2026-11-24&to=2026-11-23 | to",
            "no such day | from=2026-02-30&to=2026-03-01 | from",
            "size too big | at=now&size=10000 | size",
            "page not a number | at=now&page=abc | page"
    })
    void refusesBadParametersWithProblemDetails(String name, String query, String field) {
        JsonHttp.Response response = http.get("/interventions?" + query);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.text("detail")).isNotBlank();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
