package fr.eintervention.oi.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.oi.retention.RetentionPurge;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** Listing, statistics on a data set whose right answer is known, ranking, and the retention purge. */
class ConsultationTest extends OiServiceTestSupport {

    @Autowired
    RetentionPurge purge;

    /** Inserts an intervention as the OI would have stored it, in a year no other test uses. */
    private void stored(String codeDo, String pm, Instant start, int impacted) {
        jdbc.sql("""
                insert into intervention (ref_interv_oi, code_do, ref_interv_do, code_oi, pm, debut_inter, fin_inter,
                                          start_received, created_at, updated_at, impacted_customers)
                values (:refOi, :codeDo, :refDo, 'OI01', :pm, :start, :end, true, now(), now(), :impacted)""")
                .param("refOi", "OI01-" + newRef()).param("codeDo", codeDo).param("refDo", newRef()).param("pm", pm)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(start.plus(1, ChronoUnit.HOURS)))
                .param("impacted", impacted).update();
    }

    @Test
    void statisticsByDoAndByPmAndTheRanking() {
        Instant day = Instant.parse("2031-03-10T08:00:00Z");
        // DOA1: 4 interventions, 1 with 3 impacted customers; DOB2: 2 interventions, both impacted (1 + 2)
        stored("DOA1", "PM-STAT-1", day, 0);
        stored("DOA1", "PM-STAT-1", day.plus(1, ChronoUnit.DAYS), 3);
        stored("DOA1", "PM-STAT-2", day.plus(2, ChronoUnit.DAYS), 0);
        stored("DOA1", "PM-STAT-2", day.plus(3, ChronoUnit.DAYS), 0);
        stored("DOB2", "PM-STAT-3", day.plus(4, ChronoUnit.DAYS), 1);
        stored("DOB2", "PM-STAT-3", day.plus(5, ChronoUnit.DAYS), 2);
        stored("DOB2", "PM-STAT-3", day.plus(60, ChronoUnit.DAYS), 9); // outside the period

        JsonNode byDo = http.get("/consultation/statistics?from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z&by=DO").json();
        assertThat(byDo.toString()).isEqualTo("""
                [{"key":"DOA1","interventions":4,"interventionsWithImpact":1,"impactedCustomers":3,"rate":0.25},\
                {"key":"DOB2","interventions":2,"interventionsWithImpact":2,"impactedCustomers":3,"rate":1.0}]""");

        JsonNode byPm = http.get("/consultation/statistics?from=2031-03-01&to=2031-04-01&by=PM").json();
        assertThat(byPm).hasSize(3);
        assertThat(byPm.get(0).get("rate").asDouble()).isEqualTo(0.5);

        JsonNode ranking = http.get("/consultation/statistics/pm-ranking?from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z&minInterventions=2").json();
        assertThat(ranking.findValuesAsString("key")).containsExactly("PM-STAT-3", "PM-STAT-1", "PM-STAT-2");
    }

    @Test
    void listsFilteredAndPaginated() {
        Instant day = Instant.parse("2032-05-10T08:00:00Z");
        for (int i = 0; i < 5; i++) {
            stored("DOC3", "PM-LIST-1", day.plus(i, ChronoUnit.HOURS), i % 2);
        }
        stored("DOC3", "PM-LIST-2", day, 0);

        JsonHttp.Response page = http.get("/consultation/interventions?pm=PM-LIST-1&size=2&page=1");
        assertThat(page.json().get("total").asLong()).isEqualTo(5);
        assertThat(page.json().get("items")).hasSize(2);
        assertThat(http.get("/consultation/interventions?codeDo=DOC3&state=IMPACTED").json().get("total").asLong()).isEqualTo(2);
        assertThat(http.get("/consultation/interventions?codeDo=DOC3&from=2032-05-10T09:30:00Z&to=2032-05-11").json()
                .get("total").asLong()).isEqualTo(3);
    }

    @Test
    void badParametersAreProblemDetails() {
        JsonHttp.Response badDate = http.get("/consultation/interventions?from=yesterday");
        JsonHttp.Response badState = http.get("/consultation/interventions?state=DONE");
        JsonHttp.Response unknown = http.get("/consultation/interventions/NOPE");

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("detail")).contains("from");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void thePurgeDeletesWhatIsOlderThanTheRetention() {
        stored("DOD4", "PM-OLD-1", Instant.parse("2020-01-01T08:00:00Z"), 1);
        stored("DOD4", "PM-OLD-1", Instant.now().minus(1, ChronoUnit.DAYS), 0);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select count(*) from intervention where code_do = 'DOD4'").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from delivery_message where created_at < now() - interval '400 days'")
                .query(Long.class).single()).isZero();
    }
}
