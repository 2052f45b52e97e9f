package fr.eintervention.oc.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.eintervention.oc.OcAdapterTestSupport;
import fr.eintervention.testsupport.JsonHttp;
import tools.jackson.databind.JsonNode;

/** {@code POST /outages} and {@code /outages/csv}: all or nothing, faults by index or line. */
class OutageFeedTest extends OcAdapterTestSupport {

    private long stored(String pm) {
        return jdbc.sql("select count(*) from outage where pm = :pm").param("pm", pm).query(Long.class).single();
    }

    /** Each fault as "index|line field". */
    private static List<String> faults(JsonHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> faults = new ArrayList<>();
        for (JsonNode fault : response.json().get("errors")) {
            String where = fault.has("index") ? "#" + fault.get("index").asInt() + " "
                    : fault.has("line") ? "line " + fault.get("line").asInt() + " " : "";
            faults.add(where + (fault.has("field") ? fault.get("field").asString() : "-"));
            assertThat(fault.get("reason").asString()).isNotBlank();
        }
        return faults;
    }

    @Test
    void storesABatchOfEvents() {
        String pm = "PM-" + newRef();

        JsonHttp.Response response = http.post("/outages", """
                [{"PTO":"FI-1234-5678","PM":"%1$s","PBO":"PT000123","Tube":"T2","Fibre":"F7",
                  "Position_PM_Module_OI":"M3-P12","downAt":"2026-11-24T10:02:13+01:00",
                  "upAt":"2026-11-24T10:40:00+01:00","cause":"LOSS_OF_SIGNAL","terminated":false},
                 {"PM":"%1$s"},
                 {"PM":"%1$s","PTO":"FI-1234-9999","downAt":"20261124 10:05:00","cause":"dying_gasp","terminated":"true"}]
                """.formatted(pm));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("stored").asInt()).isEqualTo(3);
        assertThat(stored(pm)).isEqualTo(3);
        Map<String, Object> gasp = jdbc.sql("select cause, terminated from outage where pto = 'FI-1234-9999' and pm = :pm")
                .param("pm", pm).query().singleRow();
        assertThat(gasp).containsEntry("cause", "DYING_GASP").containsEntry("terminated", true);
    }

    @Test
    void refusesTheWholeBatchWhenAnyEventIsWrongAndSaysWhere() {
        String pm = "PM-" + newRef();

        JsonHttp.Response response = http.post("/outages", """
                [{"PM":"%1$s","PTO":"FI-1","downAt":"2026-11-24T10:00:00Z"},
                 {"PTO":"FI-2","downAt":"2026-11-24T10:00:00Z"},
                 {"PM":"%1$s","downAt":"yesterday"},
                 {"PM":"%1$s","cause":"FIRE"},
                 {"PM":"%1$s","downat":"2026-11-24T10:00:00Z"},
                 {"PM":"%1$s","downAt":"2026-11-24T10:00:00Z","upAt":"2026-11-24T09:00:00Z","terminated":"maybe"},
                 42,
                 {"PM":"%1$s","PTO":123}]
                """.formatted(pm));

        assertThat(faults(response)).containsExactly("#1 PM", "#2 downAt", "#3 cause", "#4 downat",
                "#5 upAt", "#5 terminated", "#6 -", "#7 PTO");
        assertThat(response.text("detail")).contains("8 fault(s)", "nothing was stored");
        assertThat(stored(pm)).as("none of the batch is kept").isZero();
    }

    @Test
    void refusesWhatIsNotABatch() {
        JsonHttp.Response notJson = http.post("/outages", "[{\"PM\":");
        JsonHttp.Response notAnArray = http.post("/outages", "{\"PM\":\"X\"}");

        assertThat(faults(notJson)).containsExactly("body");
        assertThat(faults(notAnArray)).containsExactly("body");
    }

    @Test
    void anEventSentAgainCompletesTheStoredOne() {
        String pm = "PM-" + newRef();
        String down = """
                [{"PM":"%s","PTO":"FI-1","PBO":"PT1","downAt":"2026-11-24T10:00:00Z","cause":"LOSS_OF_SIGNAL"}]""".formatted(pm);
        String restored = """
                [{"PM":"%s","PTO":"FI-1","downAt":"2026-11-24T11:00:00+01:00","upAt":"2026-11-24T10:30:00Z"}]""".formatted(pm);

        assertThat(http.post("/outages", down).status()).isEqualTo(200);
        assertThat(http.post("/outages", restored).status()).isEqualTo(200);

        Map<String, Object> row = jdbc.sql("select pbo, cause, up_at is not null as restored from outage where pm = :pm")
                .param("pm", pm).query().singleRow();
        assertThat(row).containsEntry("pbo", "PT1").containsEntry("cause", "LOSS_OF_SIGNAL").containsEntry("restored", true);
    }

    @Test
    void takesV2sRouteFieldsInJsonAndCsvAndKeepsThemWhenAnEventComesAgainWithout() {
        String pm = "PM-" + newRef();
        String csv = """
                PM;PTO;downAt;nomModulePM;positionCoupleurOC;numeroSerieONT;couleurJarretiere;referencePrestationPrise
                %s;FI-1;2026-11-24T10:00:00Z;MOD-1;C2;ONT-3;bleu;PRE-4
                """.formatted(pm);
        String again = """
                [{"PM":"%s","PTO":"FI-1","downAt":"2026-11-24T10:00:00Z","upAt":"2026-11-24T10:30:00Z"}]""".formatted(pm);

        assertThat(http.post("/outages/csv", "text/csv", csv).status()).isEqualTo(200);
        assertThat(http.post("/outages", again).status()).isEqualTo(200);

        assertThat(jdbc.sql("""
                select module_pm || ' ' || position_coupleur_oc || ' ' || numero_serie_ont || ' ' || couleur_jarretiere
                       || ' ' || reference_prestation_prise from outage where pm = :pm""").param("pm", pm)
                .query(String.class).single()).isEqualTo("MOD-1 C2 ONT-3 bleu PRE-4");
        JsonHttp.Response tooLong = http.post("/outages", """
                [{"PM":"%s","PTO":"FI-2","couleurJarretiere":"%s"}]""".formatted(pm, "x".repeat(31)));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    }

    @Test
    void storesTenThousandEventsInOneBatch() {
        String pm = "PM-" + newRef();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"PTO":"FI-%05d","PM":"%s","PBO":"PT%03d","Tube":"T%d","Fibre":"F%d","Position_PM_Module_OI":"M1-P%d",\
                    "downAt":"2026-11-24T10:%02d:%02d+01:00","cause":"LOSS_OF_SIGNAL","terminated":false}"""
                    .formatted(i, pm, i % 100, i % 12, i % 12, i % 48, (i / 60) % 60, i % 60));
        }
        batch.append(']');

        JsonHttp.Response response = http.post("/outages", batch.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("stored").asInt()).isEqualTo(10_000);
        assertThat(stored(pm)).isEqualTo(10_000);
    }

    @Test
    void importsACsvFile() {
        String pm = "PM-" + newRef();
        String csv = """
                \uFEFFpm,PTO,downAt,upAt,cause,terminated,PBO,Tube,Fibre,Position_PM_Module_OI
                %1$s,FI-1,2026-11-24T10:00:00+01:00,,LOSS_OF_SIGNAL,false,PT1,T1,F1,"M1,P1"

                %1$s,,2026-11-24 10:05:00,,,,,,,
                """.formatted(pm);

        JsonHttp.Response response = http.post("/outages/csv", "text/csv", csv);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("stored").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select position_pm from outage where pm = :pm and pto = 'FI-1'").param("pm", pm)
                .query(String.class).single()).isEqualTo("M1,P1");
    }

    @Test
    void readsAQuotedCellThatHoldsALineBreakAndCountsLinesAsTheFileDoes() {
        String pm = "PM-" + newRef();
        String csv = "PTO;PM;downAt;cause;Position_PM_Module_OI\r\n"
                + "FI-1;" + pm + ";2026-11-24T10:00:00+01:00;LOSS_OF_SIGNAL;\"M1\r\nP1 \"\"tiroir\"\"\"\r\n"
                + "FI-2;" + pm + ";2026-11-24T10:01:00+01:00;LOSS_OF_SIGNAL;M2\r\n";

        JsonHttp.Response response = http.post("/outages/csv", "text/csv", csv);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.sql("select position_pm from outage where pm = :pm and pto = 'FI-1'").param("pm", pm)
                .query(String.class).single()).isEqualTo("M1\r\nP1 \"tiroir\"");
        assertThat(stored(pm)).isEqualTo(2);

        // the row after a two-line cell starts on line 4 of the file
        JsonHttp.Response refused = http.post("/outages/csv", "text/csv", csv.replace(";" + pm + ";2026-11-24T10:01", ";;2026-11-24T10:01"));
        assertThat(faults(refused)).containsExactly("line 4 PM");
    }

    @Test
    void refusesTheWholeCsvFileWhenAnyLineIsWrongAndGivesTheLines() {
        String pm = "PM-" + newRef();
        String csv = """
                PTO;PM;downAt;cause
                FI-1;%1$s;2026-11-24T10:00:00+01:00;LOSS_OF_SIGNAL
                FI-2;;2026-11-24T10:00:00+01:00;LOSS_OF_SIGNAL
                FI-3;%1$s;24/11/2026;LOSS_OF_SIGNAL
                FI-4;%1$s;2026-11-24T10:00:00+01:00
                FI-5;%1$s;"2026-11-24T10:00:00+01:00;LOSS_OF_SIGNAL
                """.formatted(pm);

        JsonHttp.Response response = http.post("/outages/csv", "text/csv", csv);

        assertThat(faults(response)).containsExactly("line 3 PM", "line 4 downAt", "line 5 -", "line 6 -");
        assertThat(stored(pm)).isZero();
    }

    @Test
    void refusesACsvFileWithUnknownColumns() {
        JsonHttp.Response response = http.post("/outages/csv", "text/csv", "PM;when\nPM-1;2026-11-24\n");

        assertThat(faults(response)).containsExactly("line 1 when");
    }

    @Test
    void recordsAnOwnIntervention() {
        String pm = "PM-" + newRef();

        JsonHttp.Response response = http.post("/own-interventions", """
                {"pm":"%s","pto":"FI-1","from":"2026-11-24T09:10:00+01:00"}""".formatted(pm));
        JsonHttp.Response ended = http.post("/own-interventions", """
                {"pm":"%s","pto":"FI-1","from":"2026-11-24T09:10:00+01:00","to":"20261124 11:00:00"}""".formatted(pm));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().has("to")).isFalse();
        assertThat(ended.status()).isEqualTo(201);
        assertThat(ended.text("to")).isEqualTo("2026-11-24T11:00:00+01:00");
        assertThat(jdbc.sql("select count(*) from own_intervention where pm = :pm").param("pm", pm)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEventRepeatedInOneBatchIsOneRowCompletedAsWhenSentAgain() {
        String pm = "PM-" + newRef();

        JsonHttp.Response response = http.post("/outages", """
                [{"PM":"%1$s","PTO":"FI-7","PBO":"PT7","downAt":"2026-11-24T10:00:00Z","cause":"DYING_GASP"},
                 {"PM":"%1$s","PTO":"FI-7","downAt":"2026-11-24T10:00:00Z","upAt":"2026-11-24T10:30:00Z","terminated":true},
                 {"PM":"%1$s","PTO":"FI-7","downAt":"2026-11-24T10:00:00Z","cause":"UNKNOWN"},
                 {"PM":"%1$s","downAt":"2026-11-24T10:00:00Z"},
                 {"PM":"%1$s","downAt":"2026-11-24T10:00:00Z"}]
                """.formatted(pm));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(stored(pm)).as("the repeated event once, the events without PTO as they came").isEqualTo(3);
        assertThat(jdbc.sql("select pbo, cause, terminated, up_at is not null as up from outage where pm = :pm and pto = 'FI-7'")
                .param("pm", pm).query().singleRow())
                .containsEntry("pbo", "PT7").containsEntry("cause", "DYING_GASP").containsEntry("terminated", true)
                .containsEntry("up", true);
    }

    @Test
    void refusesAnIncompleteOwnIntervention() {
        JsonHttp.Response response = http.post("/own-interventions", """
                {"pm":"bad pm","from":"2026-11-24T09:10:00+01:00","to":"2026-11-24T09:00:00+01:00"}""");

        assertThat(faults(response)).containsExactly("pm", "pto", "to");
    }
}
