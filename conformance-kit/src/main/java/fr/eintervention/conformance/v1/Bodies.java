package fr.eintervention.conformance.v1;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import fr.eintervention.conformance.wire.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The v1 bodies the kit sends, valid unless a test spoils them on purpose. */
final class Bodies {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Bodies() {
    }

    /** ISO 8601 with the offset of Europe/Paris, as every sender of the project writes it. */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(PARIS));
    }

    /** An M1 (an M3 once {@code Fin_Inter} is added) with one nature per PBO given. */
    static ObjectNode m1(String codeDo, String codeOi, String refDo, String pm, Instant start, String... pbos) {
        ObjectNode body = Json.object();
        body.put("Code_DO", codeDo);
        body.put("Code_OI", codeOi);
        body.put("Ref_Interv_DO", refDo);
        body.put("PM", pm);
        ArrayNode natures = body.putArray("Nature_PBO_PTO");
        if (pbos.length == 0) {
            natures.addObject().put("nature", 4);
        }
        int i = 0;
        for (String pbo : pbos) {
            natures.addObject().put("nature", 1).put("PBO", pbo).put("PTO", "FI-KIT-" + (1000 + i++));
        }
        body.put("Debut_Inter", time(start));
        return body;
    }

    static ObjectNode m3(ObjectNode m1, Instant end) {
        ObjectNode body = m1.deepCopy();
        body.put("Fin_Inter", time(end));
        return body;
    }

    /** An M2 (an M4 when {@code end} is given). */
    static ObjectNode m2(String codeOi, String refOi, String pm, Instant start, Instant end, String... pbos) {
        ObjectNode body = Json.object();
        body.put("Code_OI", codeOi);
        body.put("Ref_Interv_OI", refOi);
        body.put("PM", pm);
        ArrayNode list = body.putArray("PBO");
        for (String pbo : pbos) {
            list.addObject().put("PBO", pbo);
        }
        body.put("Debut_Inter", time(start));
        if (end != null) {
            body.put("Fin_Inter", time(end));
        }
        return body;
    }

    /** An M5 with the customers given as (PTO, outage time) pairs; none: without {@code Liste_Clients_HS}. */
    static ObjectNode m5(String codeOc, String refOi, Object... ptoAndTime) {
        ObjectNode body = Json.object();
        body.put("Code_OC_impacte", codeOc);
        body.put("Ref_Interv_OI", refOi);
        if (ptoAndTime.length > 0) {
            ArrayNode list = body.putArray("Liste_Clients_HS");
            for (int i = 0; i < ptoAndTime.length; i += 2) {
                list.addObject().put("PTO", (String) ptoAndTime[i]).put("PBO", "PT-KIT-1").put("Tube", "1").put("Fibre", "2")
                        .put("Position_PM_Module_OI", "inconnu").put("HMS_Coupure", time((Instant) ptoAndTime[i + 1]));
            }
        }
        return body;
    }

    /** An answer of the contract's shape. */
    static String answer(String label) {
        ObjectNode body = Json.object();
        body.put("Code_Reponse", fr.eintervention.conformance.wire.Rules.code(label));
        body.put("Libelle_Reponse", label);
        return Json.write(body);
    }
}
