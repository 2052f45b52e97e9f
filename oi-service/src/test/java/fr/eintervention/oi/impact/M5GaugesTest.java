package fr.eintervention.oi.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.eintervention.oi.OiServiceTestSupport;
import fr.eintervention.testsupport.JsonHttp;

/**
 * What an operator's Prometheus reads at /actuator/prometheus: the M1/M3/M5 received by answer,
 * and per OC in flux 3 the M5 expected, received and missing.
 */
class M5FiguresTest extends OiServiceTestSupport {

    @Autowired
    private M5Gauges figures;

    @Test
    void anEndedInterventionOwesAnM5ToEachOcInFlux3AndOneWithoutItByMidnightIsMissing() {
        figures.refresh();
        Map<String, Double> before = scrape();

        // ended two days ago at FI-35238-0001 (OC01, OC02, both in flux 3): both M5 are due by now
        String ref = newRef();
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String refOi = declare(m1(ref, "FI-35238-0001", start.toString())).text("Ref_Interv_OI");
        assertThat(declare(m1(ref, "FI-35238-0001", start.toString())
                .replace("}", ",\"Fin_Inter\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}")).status()).isEqualTo(200);
        assertThat(asOc("OC01").post("/v1/client_HS_OC_Par_Inter",
                "{\"Code_OC_impacte\":\"OC01\",\"Ref_Interv_OI\":\"" + refOi + "\"}").status()).isEqualTo(200);
        assertThat(declare(m1(newRef(), "FI-NOWHERE", start.toString())).status()).isEqualTo(404);

        figures.refresh();
        Map<String, Double> after = scrape();
        assertThat(delta(before, after, "eintervention_oi_m5_expected", "OC01")).isEqualTo(1);
        assertThat(delta(before, after, "eintervention_oi_m5_expected", "OC02")).isEqualTo(1);
        assertThat(delta(before, after, "eintervention_oi_m5_received", "OC01")).isEqualTo(1);
        assertThat(delta(before, after, "eintervention_oi_m5_received", "OC02")).isZero();
        assertThat(delta(before, after, "eintervention_oi_m5_missing", "OC01")).isZero();
        assertThat(delta(before, after, "eintervention_oi_m5_missing", "OC02")).isEqualTo(1);
        assertThat(after).doesNotContainKey("eintervention_oi_m5_expected{OC03}"); // not in flux 3
        assertThat(after.get("eintervention_protocol_received_total{v1,M1,OK}") - before.getOrDefault("eintervention_protocol_received_total{v1,M1,OK}", 0.0)).isEqualTo(1);
        assertThat(after.get("eintervention_protocol_received_total{v1,M3,OK}") - before.getOrDefault("eintervention_protocol_received_total{v1,M3,OK}", 0.0)).isEqualTo(1);
        assertThat(after.get("eintervention_protocol_received_total{v1,M5,OK}") - before.getOrDefault("eintervention_protocol_received_total{v1,M5,OK}", 0.0)).isEqualTo(1);
        assertThat(after.get("eintervention_protocol_received_total{v1,M1,PM_INCONNU}") - before.getOrDefault("eintervention_protocol_received_total{v1,M1,PM_INCONNU}", 0.0)).isEqualTo(1);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String metric, String partner) {
        String key = metric + "{" + partner + "}";
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    /** Our series, keyed by name and tag values ({partner} or {version,message,answer}). */
    private Map<String, Double> scrape() {
        JsonHttp.Response response = http.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> series = new TreeMap<>();
        response.body().lines().filter(line -> line.startsWith("eintervention_oi_m5_") || line.startsWith("eintervention_protocol_received_total"))
                .forEach(line -> {
                    String name = line.substring(0, line.indexOf('{'));
                    String labels = line.substring(line.indexOf('{') + 1, line.indexOf('}'));
                    String key = name.startsWith("eintervention_oi") ? label(labels, "partner")
                            : label(labels, "version") + "," + label(labels, "message") + "," + label(labels, "answer");
                    series.put(name + "{" + key + "}", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                });
        return series;
    }

    private static String label(String labels, String name) {
        int start = labels.indexOf(name + "=\"") + name.length() + 2;
        return labels.substring(start, labels.indexOf('"', start));
    }
}
