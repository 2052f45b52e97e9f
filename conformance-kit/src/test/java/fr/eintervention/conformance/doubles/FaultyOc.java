package fr.eintervention.conformance.doubles;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.eintervention.conformance.wire.Json;
import fr.eintervention.conformance.wire.Rules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An OC in memory (code OC01, partner OI01, PM FI-35238-0001) that follows the v1 rules, or breaks one; after each M4 it sends an M5 with one customer. */
public final class FaultyOc implements AutoCloseable {

    /** One fault each, and the test of the kit that must catch it. */
    public enum Fault {
        UNKNOWN_OI_ACCEPTED("OC-F2-014"),
        SERVER_ERROR_ON_BAD_JSON("OC-F2-013"),
        MISSING_FIELD_ACCEPTED("OC-F2-007"),
        REPEAT_REFUSED("OC-F2-003"),
        M4_WITHOUT_M2_REFUSED("OC-F2-006"),
        LATE_M2_REFUSED("OC-F2-020"),
        M5_FOR_ANOTHER_OC("OC-F3-003"),
        M5_WITH_AN_EMPTY_LIST("OC-F3-004"),
        M5_TIMESTAMP_WITHOUT_OFFSET("OC-F3-005"),
        M5_NOT_SENT_AGAIN_AFTER_503("OC-F3-006"),
        PBO_OPTIONAL_REFUSED("OC-F2-017");

        private final String caughtBy;

        Fault(String caughtBy) {
            this.caughtBy = caughtBy;
        }

        public String caughtBy() {
            return caughtBy;
        }
    }

    private static final Set<String> PMS = Set.of("FI-35238-0001", "FI-35238-0002");

    private final Fault fault;
    private final String kitUrl;
    private final Wire wire;
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ended = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();

    /** {@code kitUrl}: the OI the M5s go to ({@code <kitUrl>/v1/client_HS_OC_Par_Inter}). */
    public FaultyOc(Fault fault, String kitUrl) throws IOException {
        this.fault = fault;
        this.kitUrl = kitUrl;
        this.wire = new Wire(this::handle);
    }

    public String url() {
        return wire.url();
    }

    private boolean is(Fault f) {
        return fault == f;
    }

    private synchronized Wire.Reply handle(String path, String body) {
        if (!path.equals("/v1/intervention_OI")) {
            return new Wire.Reply(404, "{}");
        }
        JsonNode json = Json.read(body);
        if (json.isMissingNode() && is(Fault.SERVER_ERROR_ON_BAD_JSON)) {
            return new Wire.Reply(500, "oops");
        }
        if (is(Fault.PBO_OPTIONAL_REFUSED) && json.isObject() && json.get("PBO") == null) {
            return Wire.answer("CHAMPS_NON_RENSEIGNE", "champs manquants: PBO");
        }
        Wire.Reply invalid = Wire.validation(Rules.Body.INTERVENTION_OI, body);
        if (invalid != null && !(is(Fault.MISSING_FIELD_ACCEPTED) && invalid.body().contains("CHAMPS_NON_RENSEIGNE"))) {
            return invalid;
        }
        if (invalid != null) {
            return Wire.answer("OK", null);
        }
        if (!"OI01".equals(Json.text(json, "Code_OI")) && !is(Fault.UNKNOWN_OI_ACCEPTED)) {
            return Wire.answer("CODE_OI_INCONNU", "OI inconnu");
        }
        if (!PMS.contains(Json.text(json, "PM"))) {
            return Wire.answer("PM_INCONNU", "PM inconnu");
        }
        String ref = Json.text(json, "Ref_Interv_OI");
        boolean m4 = Json.text(json, "Fin_Inter") != null;
        String before = received.get(ref);
        if (is(Fault.REPEAT_REFUSED) && body.equals(before)) {
            return Wire.answer("MAUVAIS_FORMAT", "doublon");
        }
        if (m4 && before == null && is(Fault.M4_WITHOUT_M2_REFUSED)) {
            return Wire.answer("MAUVAIS_FORMAT", "M4 sans M2");
        }
        if (!m4 && ended.containsKey(ref)) {
            return is(Fault.LATE_M2_REFUSED) ? Wire.answer("MAUVAIS_FORMAT", "deja terminee") : Wire.answer("OK", null);
        }
        received.put(ref, body);
        if (m4 && ended.putIfAbsent(ref, true) == null) {
            Instant start = Rules.instant(Json.text(json, "Debut_Inter")).orElseThrow();
            sender.schedule(() -> sendM5(ref, start.plusSeconds(30), 1), 100, TimeUnit.MILLISECONDS);
        }
        return Wire.answer("OK", null);
    }

    private void sendM5(String ref, Instant outage, int attempt) {
        ObjectNode body = Json.object();
        body.put("Code_OC_impacte", is(Fault.M5_FOR_ANOTHER_OC) ? "OC99" : "OC01");
        body.put("Ref_Interv_OI", ref);
        var list = body.putArray("Liste_Clients_HS");
        if (!is(Fault.M5_WITH_AN_EMPTY_LIST)) {
            list.addObject().put("PTO", "FI-OC-0001").put("PBO", "PT-1").put("Tube", "1").put("Fibre", "1").put("Position_PM_Module_OI", "inconnu")
                    .put("HMS_Coupure", is(Fault.M5_TIMESTAMP_WITHOUT_OFFSET) ? outage.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().toString()
                            : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(outage.atZone(ZoneId.of("Europe/Paris"))));
        }
        int status = Wire.post(kitUrl + "/v1/client_HS_OC_Par_Inter", Json.write(body));
        if ((status < 0 || status >= 500) && attempt < 5 && !is(Fault.M5_NOT_SENT_AGAIN_AFTER_503)) {
            sender.schedule(() -> sendM5(ref, outage, attempt + 1), 200, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        wire.close();
        sender.shutdownNow();
    }
}
