package fr.eintervention.protocol.v2;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The checks between fields of a v2 message whose format is right (decision 0026). */
final class Coherence {

    static final String START = "dateDebutIntervention";
    static final String END = "dateFinIntervention";
    static final String COLD_TEST = "dateTestFinFroid";
    private static final List<String> LINE_NAMES = List.of("refPTO", "referencePrestationPrise", "numeroSerieONT");

    private Coherence() {
    }

    static void check(Message message, ObjectNode object, List<Fault> faults) {
        switch (message) {
            case M1 -> {
                if (present(object, END)) {
                    faults.add(new Fault(END, "absent attendu en M1 (la fin est le M3)", ErrorCode.MAUVAIS_FORMAT));
                }
            }
            case M3 -> notBefore(message, object, END, START, faults);
            case M4 -> {
                notBefore(message, object, END, START, faults);
                notBefore(message, object, COLD_TEST, END, faults);
            }
            case REPORT_DO, REPORT_OI -> {
                linesNamed(object, "lignesImpactees", faults);
                linesNamed(object, "lignesRetablies", faults);
            }
            default -> {
                // M3TX, M2, M4TX, M5TX, M6TX: nothing between fields beyond their formats
            }
        }
    }

    private static boolean present(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    private static void notBefore(Message message, ObjectNode object, String later, String earlier, List<Fault> faults) {
        if (present(object, later) && present(object, earlier)
                && Instant.parse(object.get(later).stringValue()).isBefore(Instant.parse(object.get(earlier).stringValue()))) {
            faults.add(new Fault(later, "anterieure a " + earlier, message.incoherence()));
        }
    }

    /** Each report line names its line (decision 0026). */
    private static void linesNamed(ObjectNode object, String list, List<Fault> faults) {
        JsonNode lines = object.get(list);
        if (lines == null || !lines.isArray()) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            if (LINE_NAMES.stream().allMatch(name -> MessageValidator.isAbsent(line.get(name)))) {
                faults.add(new Fault(list + "[" + i + "]", "refPTO, referencePrestationPrise ou numeroSerieONT attendu",
                        ErrorCode.MAUVAIS_FORMAT));
            }
        }
    }
}
