package fr.eintervention.oi.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import fr.eintervention.testsupport.JsonHttp;

/**
 * {@code eintervention_protocol_received_total} counts v2's messages as v1's, by the answer given,
 * each series tagged with its version: OK for {@code code} 0, the error body's label for a refusal.
 */
class ReceivedMetricsTest extends V2TestSupport {

    @Test
    void v2MessagesAreCountedBesideV1sWithTheirVersion() {
        Map<String, Double> before = scrape();
        String ref = newRef();
        assertThat(v2("POST", "/v2/interventions-do", v2m1(ref)).status()).isEqualTo(200);
        assertThat(v2("PUT", "/v2/interventions-do", v2m3(ref)).status()).isEqualTo(200);
        assertThat(v2("POST", "/v2/interventions-do", v2m1(newRef()).replace("FI-35238-0001", "FI-99999-0001")).status())
                .isEqualTo(400);
        assertThat(v2("POST", "/v2/interventions-do/compte-rendu", report(ref)).status()).isEqualTo(200);
        assertThat(declare(m1(newRef())).status()).isEqualTo(200);
        Map<String, Double> after = scrape();

        assertThat(delta(before, after, "v2,M1,OK")).isEqualTo(1);
        assertThat(delta(before, after, "v2,M3,OK")).isEqualTo(1);
        assertThat(delta(before, after, "v2,M1,PM_INCONNU")).isEqualTo(1);
        assertThat(delta(before, after, "v2,CR,OK")).isEqualTo(1);
        assertThat(delta(before, after, "v1,M1,OK")).isEqualTo(1);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    /** The protocol's series, keyed by {@code version,message,answer}. */
    private Map<String, Double> scrape() {
        JsonHttp.Response response = http.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> series = new TreeMap<>();
        response.body().lines().filter(line -> line.startsWith("eintervention_protocol_received_total{")).forEach(line -> {
            String labels = line.substring(line.indexOf('{') + 1, line.indexOf('}'));
            series.put(label(labels, "version") + "," + label(labels, "message") + "," + label(labels, "answer"),
                    Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        });
        return series;
    }

    private static String label(String labels, String name) {
        int start = labels.indexOf(name + "=\"") + name.length() + 2;
        return labels.substring(start, labels.indexOf('"', start));
    }
}
