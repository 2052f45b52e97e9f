package fr.eintervention.protocol.v2;

import java.util.List;

import fr.eintervention.protocol.v2.MessageSchema.Field;
import tools.jackson.databind.JsonNode;

/** The format checks of one value (MAUVAIS_FORMAT), by kind of field. */
final class Formats {

    private Formats() {
    }

    static Fault fault(String field, String reason) {
        return new Fault(field, reason, ErrorCode.MAUVAIS_FORMAT);
    }

    static void text(Field field, JsonNode value, String name, List<Fault> faults) {
        if (!value.isString()) {
            faults.add(fault(name, "texte attendu"));
            return;
        }
        String text = value.stringValue();
        if (text.length() > field.max()) {
            faults.add(fault(name, field.max() + " caracteres max"));
        } else if (text.length() < field.min()) {
            faults.add(fault(name, field.min() + " caractere(s) min"));
        } else if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
            faults.add(fault(name, field.pattern() == MessageSchema.OPERATOR_CODE
                    ? "4 caracteres [0-9A-Z] attendus" : "caracteres [0-9A-Za-z_-] attendus"));
        }
    }

    static void choice(Field field, JsonNode value, String name, List<Fault> faults) {
        if (!value.isString() || !field.choices().contains(value.stringValue())) {
            faults.add(fault(name, "une valeur parmi " + field.choices().stream().sorted().toList() + " attendue"));
        }
    }

    static void integer(Field field, JsonNode value, String name, List<Fault> faults) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            faults.add(fault(name, "nombre entier attendu"));
        } else if (value.intValue() < field.min() || value.intValue() > field.max()) {
            faults.add(fault(name, field.max() == MessageSchema.UNBOUNDED
                    ? field.min() + " minimum" : "entre " + field.min() + " et " + field.max()));
        }
    }
}
