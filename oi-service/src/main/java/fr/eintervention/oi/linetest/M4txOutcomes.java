package fr.eintervention.oi.linetest;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryListener;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.linetest.oi.LineTestSeries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Told how each M4TX ended: an OC that refused it (REJECTED: TEST_NON_REALISE or another of v2's
 * refusals) or whose M4TX failed for good (FAILED) is not tested for that test and no longer
 * awaited, so the test can be acknowledged at once (decision 0035). No M6TX is sent for it: nothing
 * the OI could say of that OC's lines would be true. Runs in the engine's reporting transaction;
 * idempotent (an OC already answered or given up stays as it is).
 */
@Component
class M4txOutcomes implements DeliveryListener {

    static final String KIND = "M4TX";
    private static final Logger log = LoggerFactory.getLogger(M4txOutcomes.class);

    private final Series series;
    private final LineTestProperties properties;
    private final Clock clock;
    private final ObjectMapper mapper;

    M4txOutcomes(Series series, LineTestProperties properties, Clock clock, ObjectMapper mapper) {
        this.series = series;
        this.properties = properties;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    public boolean listensTo(String kind) {
        return KIND.equals(kind);
    }

    @Override
    public void onOutcome(DeliveryRecord record) {
        if (record.status() != DeliveryStatus.REJECTED && record.status() != DeliveryStatus.FAILED) {
            return;
        }
        JsonNode numeroTest = mapper.readTree(record.payload()).get("numeroTest");
        if (numeroTest == null || !numeroTest.isIntegralNumber()) {
            return;
        }
        series.lockByRefOi(record.subject()).ifPresent(target -> {
            LineTestSeries tests = series.load(target, properties.rules());
            tests.notTested(numeroTest.asInt(), record.partner()).ifPresent(givenUp -> {
                series.save(target, tests, clock.instant());
                log.info("M4TX {} test {}: {} not tested ({} {})", record.subject(), givenUp.numeroTest(), givenUp.codeOc(),
                        record.status(), record.answerLabel());
            });
        });
    }
}
