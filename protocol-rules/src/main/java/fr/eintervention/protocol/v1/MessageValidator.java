package fr.eintervention.protocol.v1;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.eintervention.protocol.v1.MessageSchema.Field;
import fr.eintervention.protocol.v1.MessageSchema.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies the protocol's validation to a raw request body, in the order docs/explanation/protocol-rules.md states:
 * CHAMPS_NON_RENSEIGNE first (every missing field named), then MAUVAIS_FORMAT. Returns the body
 * with every timestamp rewritten as a UTC instant, ready to be bound to the contract types.
 * The business checks (CODE_OI_INCONNU, PM_INCONNU, REF_INTERV_OI_INCONNUE) belong to each receiver.
 */
public final class MessageValidator {

    static final int NATURE_NO_ACTION = 3;
    /** The reason of a CHAMPS_NON_RENSEIGNE fault. */
    public static final String MISSING = "champ manquant";

    private final ObjectMapper mapper;
    private final Timestamps timestamps;

    public MessageValidator(ObjectMapper mapper, Timestamps timestamps) {
        this.mapper = mapper;
        this.timestamps = timestamps;
    }

    public Timestamps timestamps() {
        return timestamps;
    }

    public ObjectNode validate(ProtocolMessage message, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, "corps de requete vide");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, "JSON illisible");
        }
        return validate(message, tree);
    }

    public ObjectNode validate(ProtocolMessage message, JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, "objet JSON attendu");
        }
        ObjectNode object = ((ObjectNode) tree).deepCopy();
        List<String> missing = new ArrayList<>();
        collectMissing(message.schema(), object, "", missing);
        if (!missing.isEmpty()) {
            throw new ProtocolViolation(Answer.CHAMPS_NON_RENSEIGNE,
                    missing.stream().map(field -> new Fault(field, MISSING)).toList(),
                    "champs manquants: " + String.join(", ", missing));
        }
        List<Fault> faults = new ArrayList<>();
        checkFormat(message.schema(), object, "", faults);
        if (faults.isEmpty()) {
            checkCoherence(message, object, faults);
        }
        if (!faults.isEmpty()) {
            throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, faults,
                    String.join("; ", faults.stream().map(Fault::describe).toList()));
        }
        return object;
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isString() && value.stringValue().isBlank());
    }

    private void collectMissing(MessageSchema schema, ObjectNode object, String prefix, List<String> missing) {
        for (Field field : schema.fields()) {
            JsonNode value = object.get(field.name());
            boolean emptyArray = field.type() == Type.ARRAY && value != null && value.isArray() && value.isEmpty();
            if (field.required() && (isAbsent(value) || emptyArray)) {
                missing.add(prefix + field.name());
            } else if (field.type() == Type.ARRAY && value != null && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        collectMissing(field.items(), (ObjectNode) value.get(i), prefix + field.name() + "[" + i + "].", missing);
                    }
                }
            }
        }
    }

    private void checkFormat(MessageSchema schema, ObjectNode object, String prefix, List<Fault> faults) {
        for (Field field : schema.fields()) {
            JsonNode value = object.get(field.name());
            String name = prefix + field.name();
            if (value == null || value.isNull()) {
                continue; // optional and absent: fine (mandatory ones were checked before)
            }
            switch (field.type()) {
                case STRING -> checkString(field, value, name, faults);
                case TIMESTAMP -> {
                    Optional<Instant> instant = value.isString() ? timestamps.parse(value.stringValue()) : Optional.empty();
                    if (instant.isPresent()) {
                        object.put(field.name(), instant.get().toString());
                    } else {
                        faults.add(new Fault(name, "format ISO 8601 attendu"));
                    }
                }
                case NATURE -> {
                    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 4) {
                        faults.add(new Fault(name, "1, 2, 3 ou 4 attendu"));
                    }
                }
                case ARRAY -> {
                    if (!value.isArray()) {
                        faults.add(new Fault(name, "tableau attendu"));
                        continue;
                    }
                    ArrayNode array = (ArrayNode) value;
                    for (int i = 0; i < array.size(); i++) {
                        if (array.get(i).isObject()) {
                            checkFormat(field.items(), (ObjectNode) array.get(i), name + "[" + i + "].", faults);
                        } else {
                            faults.add(new Fault(name + "[" + i + "]", "objet attendu"));
                        }
                    }
                }
            }
        }
    }

    private static void checkString(Field field, JsonNode value, String name, List<Fault> faults) {
        if (!value.isString()) {
            faults.add(new Fault(name, "texte attendu"));
        } else if (value.stringValue().length() > field.maxLength()) {
            faults.add(new Fault(name, field.maxLength() + " caracteres max"));
        } else if (field.pattern() != null && !field.pattern().matcher(value.stringValue()).matches()) {
            faults.add(new Fault(name, field.pattern() == MessageSchema.OPERATOR_CODE
                    ? "4 caracteres [0-9A-Z] attendus" : "caracteres [0-9A-Za-z_-] attendus"));
        }
    }

    private static void checkCoherence(ProtocolMessage message, ObjectNode object, List<Fault> faults) {
        JsonNode fin = object.get("Fin_Inter");
        if (message != ProtocolMessage.CLIENTS_HS && fin != null && !fin.isNull()) {
            Instant debut = Instant.parse(object.get("Debut_Inter").stringValue());
            if (Instant.parse(fin.stringValue()).isBefore(debut)) {
                faults.add(new Fault("Fin_Inter", "anterieure a Debut_Inter"));
            }
        }
        if (message == ProtocolMessage.INTERVENTION_DO && (fin == null || fin.isNull())) {
            JsonNode natures = object.get("Nature_PBO_PTO");
            for (int i = 0; i < natures.size(); i++) {
                if (natures.get(i).get("nature").intValue() == NATURE_NO_ACTION) {
                    faults.add(new Fault("Nature_PBO_PTO[" + i + "].nature", "3 (AUCUNE ACTION) reservee a M3"));
                    break;
                }
            }
        }
    }
}
