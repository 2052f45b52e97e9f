package fr.eintervention.protocol.v2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v2.MessageSchema.Field;
import fr.eintervention.protocol.v2.MessageSchema.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies v2's validation to a raw request body, in the order decision 0025 states: every missing
 * field (CHAMPS_NON_RENSEIGNE), then every format fault (MAUVAIS_FORMAT), then the faults between
 * fields (INCOHERENCE where the operation lists it). Returns the body with every timestamp rewritten
 * as a UTC instant and {@code nomModulePM} rewritten where the contract spells it {@code nomModulePm},
 * ready to be bound to the generated v2 types; throws a {@link Refusal} with the faults as data.
 * The receiver's own checks (codes, PMs, references, the line tests' order) are not here.
 */
public final class MessageValidator {

    /** The reason of a CHAMPS_NON_RENSEIGNE fault, as in v1. */
    public static final String MISSING = fr.eintervention.protocol.v1.MessageValidator.MISSING;

    private final ObjectMapper mapper;
    private final Timestamps timestamps;

    public MessageValidator(ObjectMapper mapper, Timestamps timestamps) {
        this.mapper = mapper;
        this.timestamps = timestamps;
    }

    public ObjectNode validate(Message message, byte[] body) {
        if (body == null || body.length == 0) {
            throw refusal(List.of(new Fault("body", "corps de requete vide", ErrorCode.MAUVAIS_FORMAT)));
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException e) {
            throw refusal(List.of(new Fault("body", "JSON illisible", ErrorCode.MAUVAIS_FORMAT)));
        }
        return validate(message, tree);
    }

    public ObjectNode validate(Message message, JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw refusal(List.of(new Fault("body", "objet JSON attendu", ErrorCode.MAUVAIS_FORMAT)));
        }
        ObjectNode object = ((ObjectNode) tree).deepCopy();
        List<Fault> faults = new ArrayList<>();
        collectMissing(message.schema(), object, "", faults);
        if (faults.isEmpty()) {
            checkFormat(message.schema(), object, "", faults);
        }
        if (faults.isEmpty()) {
            Coherence.check(message, object, faults);
        }
        if (!faults.isEmpty()) {
            throw refusal(faults);
        }
        return object;
    }

    /** One refusal of faults that share a stage; its label is the first fault's. */
    private static Refusal refusal(List<Fault> faults) {
        ErrorCode code = faults.get(0).code();
        String description = code == ErrorCode.CHAMPS_NON_RENSEIGNE
                ? "champs manquants: " + String.join(", ", faults.stream().map(Fault::field).toList())
                : String.join("; ", faults.stream().map(Fault::describe).toList());
        List<Fault> about = faults.stream().anyMatch(fault -> !fault.field().equals("body")) ? faults : List.of();
        return new Refusal(code, about, description);
    }

    static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isString() && value.stringValue().isBlank());
    }

    private static JsonNode valueOf(Field field, ObjectNode object) {
        JsonNode value = object.get(field.name());
        if (isAbsent(value) && field.alias() != null) {
            return object.get(field.alias());
        }
        return value;
    }

    private void collectMissing(MessageSchema schema, ObjectNode object, String prefix, List<Fault> faults) {
        for (Field field : schema.fields()) {
            JsonNode value = valueOf(field, object);
            String name = prefix + field.name();
            if (field.required() && isAbsent(value)) {
                faults.add(new Fault(name, MISSING, ErrorCode.CHAMPS_NON_RENSEIGNE));
            } else if (field.kind() == Kind.OBJECT && value != null && value.isObject()) {
                collectMissing(field.nested(), (ObjectNode) value, name + ".", faults);
            } else if (field.kind() == Kind.LIST && value != null && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        collectMissing(field.nested(), (ObjectNode) value.get(i), name + "[" + i + "].", faults);
                    }
                }
            }
        }
    }

    private void checkFormat(MessageSchema schema, ObjectNode object, String prefix, List<Fault> faults) {
        for (Field field : schema.fields()) {
            String name = prefix + field.name();
            if (field.alias() != null && !spellingAgreed(field, object, name, faults)) {
                continue;
            }
            JsonNode value = object.get(field.name());
            if (value == null || value.isNull()) {
                continue; // optional and absent: fine (required ones were checked before)
            }
            switch (field.kind()) {
                case TEXT -> Formats.text(field, value, name, faults);
                case TIMESTAMP -> {
                    Optional<Instant> instant = value.isString() ? timestamps.parse(value.stringValue()) : Optional.empty();
                    if (instant.isPresent()) {
                        object.put(field.name(), instant.get().toString());
                    } else {
                        faults.add(Formats.fault(name, "format ISO 8601 attendu"));
                    }
                }
                case CHOICE -> Formats.choice(field, value, name, faults);
                case INTEGER -> Formats.integer(field, value, name, faults);
                case BOOLEAN -> {
                    if (!value.isBoolean()) {
                        faults.add(Formats.fault(name, "true ou false attendu"));
                    }
                }
                case OBJECT -> {
                    if (value.isObject()) {
                        checkFormat(field.nested(), (ObjectNode) value, name + ".", faults);
                    } else {
                        faults.add(Formats.fault(name, "objet attendu"));
                    }
                }
                case LIST -> {
                    if (!value.isArray()) {
                        faults.add(Formats.fault(name, "tableau attendu"));
                        continue;
                    }
                    for (int i = 0; i < value.size(); i++) {
                        if (value.get(i).isObject()) {
                            checkFormat(field.nested(), (ObjectNode) value.get(i), name + "[" + i + "].", faults);
                        } else {
                            faults.add(Formats.fault(name + "[" + i + "]", "objet attendu"));
                        }
                    }
                }
            }
        }
    }

    /**
     * Rewrites the other spelling of a field to the contract's; false (and a fault) when both are
     * present with different values (decision 0027).
     */
    private static boolean spellingAgreed(Field field, ObjectNode object, String name, List<Fault> faults) {
        JsonNode other = object.get(field.alias());
        if (other == null) {
            return true;
        }
        JsonNode value = object.get(field.name());
        if (!isAbsent(value) && !value.equals(other)) {
            faults.add(Formats.fault(name, "differe de " + field.alias()));
            return false;
        }
        object.remove(field.alias());
        object.set(field.name(), other);
        return true;
    }
}
