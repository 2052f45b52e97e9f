package fr.eintervention.conformance.doubles;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.eintervention.conformance.wire.Json;
import fr.eintervention.conformance.wire.Rules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OI in memory that follows the v1 rules, or breaks one: {@link Fault}. Its referential is the
 * kit's default: OI01, DO01, PM FI-35238-0001 with OC01 and OC02, PM FI-35238-0002 with OC02.
 */
public final class FaultyOi implements AutoCloseable {

    /** One fault each, and the test of the kit that must catch it. */
    public enum Fault {
        LEAKS_CODE_DO_IN_M2("OI-F2-003"),
        M4_BEFORE_M2("OI-F2-008"),
        NO_RETRY_AFTER_503("OI-F2-012"),
        NO_RETRY_AFTER_A_TIMEOUT("OI-F2-019"),
        MAUVAIS_FORMAT_FOR_A_MISSING_FIELD("OI-F1-005"),
        MISSING_FIELD_ACCEPTED("OI-F1-005"),
        TIMESTAMP_WITHOUT_OFFSET_IN_M2("OI-F2-005"),
        SERVER_ERROR_ON_BAD_JSON("OI-F1-013"),
        M5_FOR_ANOTHER_OCS_INTERVENTION_ACCEPTED("OI-F3-007"),
        NULL_FIN_INTER_IN_M2("OI-F2-006"),
        NEW_REFERENCE_FOR_A_REPEAT("OI-F1-003"),
        UNKNOWN_PM_ACCEPTED("OI-F1-017"),
        PM_INCONNU_WITH_HTTP_200("OI-F1-017"),
        M2_TO_AN_OC_NOT_PRESENT("OI-F2-011"),
        M2_FOR_AN_M3_WITHOUT_M1("OI-F2-009"),
        RETRIES_A_FUNCTIONAL_REFUSAL("OI-F2-018"),
        NO_M4("OI-F2-007"),
        CODE_NOT_MATCHING_LABEL("OI-F1-005"),
        DESCRIPTION_OVER_100_CHARACTERS("OI-F1-005"),
        M5_FOR_AN_UNKNOWN_REFERENCE_ACCEPTED("OI-F3-003"),
        END_BEFORE_START_ACCEPTED("OI-F1-012"),
        CORRECTION_IGNORED("OI-F2-010"),
        M3_CORRECTION_NOT_SENT("OI-F2-020"),
        REPEATED_M3_SENDS_AN_M4("OI-F2-021"),
        M1_AFTER_M3_SENDS_AN_M2("OI-F2-017"),
        REFUSED_MESSAGE_KEPT("OI-F1-019"),
        PBO_REPEATED_IN_M2("OI-F2-004");

        private final String caughtBy;

        Fault(String caughtBy) {
            this.caughtBy = caughtBy;
        }

        public String caughtBy() {
            return caughtBy;
        }
    }

    private static final String OI = "OI01";
    private static final Map<String, List<String>> PRESENT = Map.of("FI-35238-0001", List.of("OC01", "OC02"), "FI-35238-0002", List.of("OC02"));

    private record Content(String pm, Instant start, Instant end, Set<String> natures, List<String> pbos) {
    }

    private static final class Intervention {
        final String ref;
        Content content;
        final Set<String> sentTo = new LinkedHashSet<>();
        boolean refusedOnly;

        Intervention(String ref, Content content) {
            this.ref = ref;
            this.content = content;
        }
    }

    private final Fault fault;
    private final String kitUrl;
    private final Wire wire;
    private final Map<String, Intervention> byDoRef = new ConcurrentHashMap<>();
    private final Map<String, Intervention> byOiRef = new ConcurrentHashMap<>();
    private final Map<String, ScheduledExecutorService> perOc = new ConcurrentHashMap<>();
    private int sequence;

    /** {@code kitUrl}: where the kit's OCs listen ({@code <kitUrl>/OC01/v1/intervention_OI}). */
    public FaultyOi(Fault fault, String kitUrl) throws IOException {
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
        JsonNode json = Json.read(body);
        if (path.equals("/v1/intervention_DO")) {
            if (json.isMissingNode() && is(Fault.SERVER_ERROR_ON_BAD_JSON)) {
                return new Wire.Reply(500, "<html>Internal Server Error</html>");
            }
            Wire.Reply invalid = Wire.validation(Rules.Body.INTERVENTION_DO, body);
            if (invalid != null) {
                boolean onlyEndBeforeStart = Rules.faults(Rules.Body.INTERVENTION_DO, body).stream().allMatch(f -> f.contains("Fin_Inter"));
                if (is(Fault.END_BEFORE_START_ACCEPTED) && onlyEndBeforeStart) {
                    invalid = null;
                } else if (invalid.body().contains("CHAMPS_NON_RENSEIGNE")) {
                    if (is(Fault.MISSING_FIELD_ACCEPTED)) {
                        return answerOk("OI01-ACCEPTED-" + ++sequence);
                    }
                    if (is(Fault.MAUVAIS_FORMAT_FOR_A_MISSING_FIELD)) {
                        return Wire.answer("MAUVAIS_FORMAT", "champs manquants");
                    }
                    if (is(Fault.CODE_NOT_MATCHING_LABEL)) {
                        return new Wire.Reply(400, "{\"Code_Reponse\":2,\"Libelle_Reponse\":\"CHAMPS_NON_RENSEIGNE\"}");
                    }
                    if (is(Fault.DESCRIPTION_OVER_100_CHARACTERS)) {
                        return Wire.answer("CHAMPS_NON_RENSEIGNE", "champs manquants: " + "x".repeat(120));
                    }
                }
                if (invalid != null) {
                    return invalid;
                }
            }
            return declaration(json);
        }
        if (path.equals("/v1/client_HS_OC_Par_Inter")) {
            Wire.Reply invalid = Wire.validation(Rules.Body.CLIENTS_HS, body);
            if (invalid != null) {
                return invalid;
            }
            Intervention intervention = byOiRef.get(Json.text(json, "Ref_Interv_OI"));
            if (intervention == null) {
                return is(Fault.M5_FOR_AN_UNKNOWN_REFERENCE_ACCEPTED) ? Wire.answer("OK", null) : Wire.answer("REF_INTERV_OI_INCONNUE", "inconnue");
            }
            if (!intervention.sentTo.contains(Json.text(json, "Code_OC_impacte")) && !is(Fault.M5_FOR_ANOTHER_OCS_INTERVENTION_ACCEPTED)) {
                return Wire.answer("REF_INTERV_OI_INCONNUE", "inconnue pour cet OC");
            }
            if (intervention.content.end() == null) {
                return Wire.answer("REF_INTERV_OI_INCONNUE", "pas encore terminee");
            }
            return Wire.answer("OK", null);
        }
        return new Wire.Reply(404, "{\"title\":\"Not Found\"}");
    }

    private static Wire.Reply answerOk(String ref) {
        ObjectNode body = Json.object();
        body.put("Code_Reponse", 0);
        body.put("Libelle_Reponse", "OK");
        body.put("Ref_Interv_OI", ref);
        return new Wire.Reply(200, Json.write(body));
    }

    private Wire.Reply declaration(JsonNode json) {
        String refDo = Json.text(json, "Ref_Interv_DO");
        if (!OI.equals(Json.text(json, "Code_OI"))) {
            return Wire.answer("CODE_OI_INCONNU", "Code_OI inconnu");
        }
        String pm = Json.text(json, "PM");
        if (!PRESENT.containsKey(pm) && !is(Fault.UNKNOWN_PM_ACCEPTED)) {
            if (is(Fault.REFUSED_MESSAGE_KEPT)) {
                Intervention kept = new Intervention("OI01-KEPT-" + ++sequence, null);
                kept.refusedOnly = true;
                byDoRef.put(refDo, kept);
            }
            return is(Fault.PM_INCONNU_WITH_HTTP_200) ? new Wire.Reply(200, Wire.answer("PM_INCONNU", "PM inconnu").body())
                    : Wire.answer("PM_INCONNU", "PM inconnu");
        }
        Set<String> natures = new TreeSet<>();
        List<String> pbos = new java.util.ArrayList<>();
        for (JsonNode nature : json.get("Nature_PBO_PTO")) {
            natures.add(nature.toString());
            String pbo = Json.text(nature, "PBO");
            if (pbo != null && (is(Fault.PBO_REPEATED_IN_M2) || !pbos.contains(pbo))) {
                pbos.add(pbo);
            }
        }
        Instant start = Rules.instant(Json.text(json, "Debut_Inter")).orElseThrow();
        Instant end = Json.text(json, "Fin_Inter") == null ? null : Rules.instant(Json.text(json, "Fin_Inter")).orElseThrow();
        Content content = new Content(pm, start, end, natures, pbos);
        Intervention known = byDoRef.get(refDo);
        if (known != null && known.refusedOnly) {
            return answerOk(known.ref); // the fault: the refused message was kept, the corrected one taken for a repeat
        }
        if (known == null || is(Fault.NEW_REFERENCE_FOR_A_REPEAT)) {
            Intervention created = new Intervention(OI + "-" + ++sequence + "-DOUBLE", content);
            byDoRef.put(refDo, created);
            byOiRef.put(created.ref, created);
            if (end == null || is(Fault.M2_FOR_AN_M3_WITHOUT_M1)) {
                send(created, false);
            }
            if (end != null) {
                send(created, true);
            }
            return answerOk(created.ref);
        }
        Content before = known.content;
        if (before.end() != null && end == null) {
            if (is(Fault.M1_AFTER_M3_SENDS_AN_M2)) {
                send(known, false);
            }
            return answerOk(known.ref);
        }
        if (content.equals(before) || (is(Fault.CORRECTION_IGNORED) && Objects.equals(before.end(), end))) {
            if (is(Fault.REPEATED_M3_SENDS_AN_M4) && end != null) {
                send(known, true);
            }
            return answerOk(known.ref);
        }
        if (is(Fault.M3_CORRECTION_NOT_SENT) && before.end() != null && end != null) {
            known.content = content;
            return answerOk(known.ref);
        }
        known.content = content;
        send(known, end != null);
        return answerOk(known.ref);
    }

    private void send(Intervention intervention, boolean end) {
        if (end && is(Fault.NO_M4)) {
            return;
        }
        Content content = intervention.content;
        List<String> ocs = is(Fault.M2_TO_AN_OC_NOT_PRESENT) ? List.of("OC01", "OC02") : PRESENT.get(content.pm());
        ObjectNode body = Json.object();
        body.put("Code_OI", OI);
        body.put("Ref_Interv_OI", intervention.ref);
        body.put("PM", content.pm());
        if (is(Fault.LEAKS_CODE_DO_IN_M2)) {
            body.put("Code_DO", "DO01");
        }
        var list = body.putArray("PBO");
        content.pbos().forEach(pbo -> list.addObject().put("PBO", pbo));
        body.put("Debut_Inter", time(content.start()));
        if (end) {
            body.put("Fin_Inter", time(content.end()));
        } else if (is(Fault.NULL_FIN_INTER_IN_M2)) {
            body.putNull("Fin_Inter");
        }
        String json = Json.write(body);
        long delay = !end && is(Fault.M4_BEFORE_M2) ? 700 : 0;
        for (String oc : ocs) {
            intervention.sentTo.add(oc);
            perOc.computeIfAbsent(oc, code -> Executors.newSingleThreadScheduledExecutor())
                    .schedule(() -> deliver(oc, json, 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(String oc, String json, int attempt) {
        int status = Wire.post(kitUrl + "/" + oc + "/v1/intervention_OI", json);
        boolean unavailable = (status < 0 && !is(Fault.NO_RETRY_AFTER_A_TIMEOUT)) || status >= 500 || status == 429 || status == 408;
        boolean retry = (unavailable && !is(Fault.NO_RETRY_AFTER_503)) || (is(Fault.RETRIES_A_FUNCTIONAL_REFUSAL) && status >= 400 && status < 500);
        if (retry && attempt < 5) {
            perOc.get(oc).schedule(() -> deliver(oc, json, attempt + 1), 200, TimeUnit.MILLISECONDS);
        }
    }

    private String time(Instant instant) {
        if (is(Fault.TIMESTAMP_WITHOUT_OFFSET_IN_M2)) {
            return instant.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().toString();
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of("Europe/Paris")));
    }

    @Override
    public void close() {
        wire.close();
        perOc.values().forEach(ScheduledExecutorService::shutdownNow);
    }
}
