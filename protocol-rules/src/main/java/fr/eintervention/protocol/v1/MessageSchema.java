package fr.eintervention.protocol.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of one protocol object, as the contract and docs/explanation/protocol-rules.md define it: which
 * fields are mandatory, their type, maximum length and pattern. Read by {@link MessageValidator}.
 */
public final class MessageSchema {

    public static final Pattern OPERATOR_CODE = Pattern.compile("[0-9A-Z]{4}");
    public static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z_-]{1,50}");

    enum Type { STRING, TIMESTAMP, NATURE, ARRAY }

    record Field(String name, Type type, boolean required, int maxLength, Pattern pattern, MessageSchema items) {
    }

    private final List<Field> fields = new ArrayList<>();

    public static MessageSchema object() {
        return new MessageSchema();
    }

    List<Field> fields() {
        return fields;
    }

    public MessageSchema operatorCode(String name) {
        return add(new Field(name, Type.STRING, true, 4, OPERATOR_CODE, null));
    }

    public MessageSchema reference(String name) {
        return add(new Field(name, Type.STRING, true, 50, REFERENCE, null));
    }

    public MessageSchema requiredString(String name, int maxLength) {
        return add(new Field(name, Type.STRING, true, maxLength, null, null));
    }

    public MessageSchema optionalString(String name, int maxLength) {
        return add(new Field(name, Type.STRING, false, maxLength, null, null));
    }

    public MessageSchema requiredTimestamp(String name) {
        return add(new Field(name, Type.TIMESTAMP, true, 0, null, null));
    }

    public MessageSchema optionalTimestamp(String name) {
        return add(new Field(name, Type.TIMESTAMP, false, 0, null, null));
    }

    public MessageSchema nature(String name) {
        return add(new Field(name, Type.NATURE, true, 0, null, null));
    }

    /** A mandatory array must hold at least one entry. */
    public MessageSchema requiredArray(String name, MessageSchema items) {
        return add(new Field(name, Type.ARRAY, true, 0, null, items));
    }

    public MessageSchema optionalArray(String name, MessageSchema items) {
        return add(new Field(name, Type.ARRAY, false, 0, null, items));
    }

    private MessageSchema add(Field field) {
        fields.add(field);
        return this;
    }
}
