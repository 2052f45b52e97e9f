package fr.eintervention.conformance.doubles;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.eintervention.conformance.suite.Operator;
import fr.eintervention.conformance.wire.Json;
import tools.jackson.databind.node.ObjectNode;

/** A DO in memory (code DO01, OI01 at the kit) that follows the v1 rules, or breaks one; the kit's operator steps drive it. */
public final class FaultyDo implements Operator, AutoCloseable {

    /** One fault each, and the test of the kit that must catch it. */
    public enum Fault {
        NO_RETRY_AFTER_503("DO-F1-005"),
        TIMESTAMP_WITHOUT_OFFSET("DO-F1-003"),
        NULL_FIN_INTER_IN_M1("DO-F1-003"),
        REFERENCE_CHANGES_BETWEEN_M1_AND_M3("DO-F1-008"),
        SAME_REFERENCE_FOR_A_NEW_PRESENCE("DO-F1-009"),
        RETRIES_A_FUNCTIONAL_REFUSAL("DO-F1-010"),
        NATURE_3_IN_M1("DO-F1-006"),
        LOWER_CASE_CODE_DO("DO-F1-002"),
        START_IN_THE_FUTURE("DO-F1-007");

        private final String caughtBy;

        Fault(String caughtBy) {
            this.caughtBy = caughtBy;
        }

        public String caughtBy() {
            return caughtBy;
        }
    }

    private final Fault fault;
    private final String kitUrl;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private int presences;
    private String ref;
    private Instant start;

    public FaultyDo(Fault fault, String kitUrl) throws IOException {
        this.fault = fault;
        this.kitUrl = kitUrl;
    }

    private boolean is(Fault f) {
        return fault == f;
    }

    @Override
    public synchronized void ask(String key, String instruction) {
        switch (key) {
            case "start" -> begin();
            case "end" -> send(message(Instant.now().truncatedTo(ChronoUnit.SECONDS), is(Fault.REFERENCE_CHANGES_BETWEEN_M1_AND_M3) ? ref + "-B" : ref));
            case "second" -> {
                begin();
                send(message(Instant.now().truncatedTo(ChronoUnit.SECONDS), ref));
            }
            default -> throw new IllegalArgumentException(key);
        }
    }

    private void begin() {
        presences++;
        if (ref == null || !is(Fault.SAME_REFERENCE_FOR_A_NEW_PRESENCE)) {
            ref = "DOUBLE-" + System.nanoTime() + "-" + presences;
        }
        start = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        if (is(Fault.START_IN_THE_FUTURE)) {
            start = start.plus(1, ChronoUnit.HOURS);
        }
        send(message(null, ref));
    }

    private ObjectNode message(Instant end, String reference) {
        ObjectNode body = Json.object();
        body.put("Code_DO", is(Fault.LOWER_CASE_CODE_DO) ? "do01" : "DO01");
        body.put("Code_OI", "OI01");
        body.put("Ref_Interv_DO", reference);
        body.put("PM", "FI-35238-0001");
        body.putArray("Nature_PBO_PTO").addObject().put("nature", end == null && is(Fault.NATURE_3_IN_M1) ? 3 : 1).put("PBO", "PT-1");
        body.put("Debut_Inter", time(start));
        if (end != null) {
            body.put("Fin_Inter", time(end));
        } else if (is(Fault.NULL_FIN_INTER_IN_M1)) {
            body.putNull("Fin_Inter");
        }
        return body;
    }

    private String time(Instant instant) {
        return is(Fault.TIMESTAMP_WITHOUT_OFFSET) ? instant.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().toString()
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of("Europe/Paris")));
    }

    /** Sends in order, the next message after the previous one was answered; retries when the OI is unavailable. */
    private void send(ObjectNode body) {
        String json = Json.write(body);
        sender.execute(() -> deliver(json, 1));
    }

    private void deliver(String json, int attempt) {
        int status = Wire.post(kitUrl + "/v1/intervention_DO", json);
        boolean unavailable = status < 0 || status >= 500;
        boolean retry = (unavailable && !is(Fault.NO_RETRY_AFTER_503)) || (is(Fault.RETRIES_A_FUNCTIONAL_REFUSAL) && status >= 400 && status < 500);
        if (retry && attempt < 5) {
            try {
                Thread.sleep(200); // the double's retry delay; the sender thread keeps M1 before M3
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            deliver(json, attempt + 1);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
