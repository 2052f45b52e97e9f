package fr.eintervention.oc.outage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v1.MessageSchema;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one record (a JSON object or a CSV line, both seen as text by field name)
 * and reports every fault, field by field, instead of stopping at the first.
 */
final class FieldReader {

    private final Map<String, String> values;
    private final Timestamps timestamps;
    private final BiConsumer<String, String> faults;
    private boolean valid = true;

    FieldReader(Map<String, String> values, Timestamps timestamps, BiConsumer<String, String> faults) {
        this.values = values;
        this.timestamps = timestamps;
        this.faults = faults;
    }

    /**
     * A reader of a JSON object's fields, seen as text: strings as they are, booleans as
     * {@code true} / {@code false}; {@code null} and blank are absent. Anything else, and an
     * unknown field (a misspelt {@code downAt} must not pass for an unknown outage time), is a fault.
     *
     * @return {@code null} when the node is not an object (reported)
     */
    static FieldReader fromJson(JsonNode node, List<String> fields, Timestamps timestamps,
            BiConsumer<String, String> faults) {
        if (node == null || !node.isObject()) {
            faults.accept(null, "JSON object expected");
            return null;
        }
        FieldReader reader = new FieldReader(new HashMap<>(), timestamps, faults);
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String field = property.getKey();
            JsonNode value = property.getValue();
            if (!fields.contains(field)) {
                reader.fault(field, "unknown field, expected: " + String.join(", ", fields));
            } else if (value.isString()) {
                if (!value.stringValue().isBlank()) {
                    reader.values.put(field, value.stringValue().trim());
                }
            } else if (value.isBoolean()) {
                reader.values.put(field, Boolean.toString(value.booleanValue()));
            } else if (!value.isNull()) {
                reader.fault(field, "text expected");
            }
        }
        return reader;
    }

    /** A PM reference: 1 to 50 characters of {@code [0-9A-Za-z_-]}. */
    String pm(String field) {
        String value = required(field);
        if (value != null && !MessageSchema.REFERENCE.matcher(value).matches()) {
            return fault(field, "1 to 50 characters of [0-9A-Za-z_-] expected");
        }
        return value;
    }

    String text(String field, int maxLength) {
        String value = values.get(field);
        if (value != null && value.length() > maxLength) {
            return fault(field, maxLength + " characters max");
        }
        return value;
    }

    String requiredText(String field, int maxLength) {
        return required(field) == null ? null : text(field, maxLength);
    }

    /** A timestamp in any form the protocol accepts (a local time is read in the protocol's zone). */
    Instant timestamp(String field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        return timestamps.parse(value).orElseGet(() -> fault(field, "ISO 8601 timestamp expected"));
    }

    Instant requiredTimestamp(String field) {
        return required(field) == null ? null : timestamp(field);
    }

    /** One of the enum's names, case ignored; {@code absent} when not given. */
    <E extends Enum<E>> E choice(String field, Class<E> type, E absent) {
        String value = values.get(field);
        if (value == null) {
            return absent;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fault(field, "one of " + List.of(type.getEnumConstants()) + " expected");
        }
    }

    /** {@code true} or {@code false}; false when not given. */
    boolean flag(String field) {
        String value = values.get(field);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        fault(field, "true or false expected");
        return false;
    }

    /** Reports a fault; returns null for the field's value. */
    <T> T fault(String field, String reason) {
        valid = false;
        faults.accept(field, reason);
        return null;
    }

    boolean valid() {
        return valid;
    }

    private String required(String field) {
        String value = values.get(field);
        return value == null ? fault(field, "mandatory") : value;
    }
}
