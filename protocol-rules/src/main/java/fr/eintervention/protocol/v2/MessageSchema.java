package fr.eintervention.protocol.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of one v2 object as our v2 contracts and docs/decisions/0022 to 0027 define it: each
 * field's kind, whether it is required, its bounds, pattern or values. Fields are added required;
 * {@link #optional()} makes the last one optional. Read by {@link MessageValidator}.
 */
public final class MessageSchema {

    public static final Pattern OPERATOR_CODE = Pattern.compile("[0-9A-Z]{4}");
    public static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z_-]{1,50}");
    /** No maxLength in the contract. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    enum Kind { TEXT, TIMESTAMP, CHOICE, INTEGER, BOOLEAN, LIST, OBJECT }

    /**
     * One field. {@code min}/{@code max}: a text's length or an integer's value; {@code alias}: another
     * spelling accepted on reading and rewritten to {@code name} (decision 0027).
     */
    record Field(String name, Kind kind, boolean required, int min, int max, Pattern pattern,
                 Set<String> choices, MessageSchema nested, String alias) {

        Field optional() {
            return new Field(name, kind, false, min, max, pattern, choices, nested, alias);
        }

        Field alsoSpelt(String other) {
            return new Field(name, kind, required, min, max, pattern, choices, nested, other);
        }
    }

    private final List<Field> fields = new ArrayList<>();

    public static MessageSchema object() {
        return new MessageSchema();
    }

    List<Field> fields() {
        return fields;
    }

    /** An operator code, {@code [0-9A-Z]{4}} (decision 0023). */
    public MessageSchema code(String name) {
        return add(new Field(name, Kind.TEXT, true, 4, 4, OPERATOR_CODE, null, null, null));
    }

    /** A reference or regulatory PM, {@code [0-9A-Za-z_-]{1,50}} (decision 0023). */
    public MessageSchema reference(String name) {
        return add(new Field(name, Kind.TEXT, true, 1, 50, REFERENCE, null, null, null));
    }

    public MessageSchema text(String name, int minLength, int maxLength) {
        return add(new Field(name, Kind.TEXT, true, minLength, maxLength, null, null, null, null));
    }

    public MessageSchema timestamp(String name) {
        return add(new Field(name, Kind.TIMESTAMP, true, 0, 0, null, null, null, null));
    }

    /** A string among {@code values}. */
    public MessageSchema choice(String name, String... values) {
        return add(new Field(name, Kind.CHOICE, true, 0, 0, null, Set.of(values), null, null));
    }

    public MessageSchema integer(String name, int minimum, int maximum) {
        return add(new Field(name, Kind.INTEGER, true, minimum, maximum, null, null, null, null));
    }

    public MessageSchema bool(String name) {
        return add(new Field(name, Kind.BOOLEAN, true, 0, 0, null, null, null, null));
    }

    /** An array of objects; required means present, an empty array is accepted (decision 0026). */
    public MessageSchema list(String name, MessageSchema items) {
        return add(new Field(name, Kind.LIST, true, 0, 0, null, null, items, null));
    }

    public MessageSchema object(String name, MessageSchema nested) {
        return add(new Field(name, Kind.OBJECT, true, 0, 0, null, null, nested, null));
    }

    /** Makes the last field added optional. */
    public MessageSchema optional() {
        return replaceLast(last().optional());
    }

    /** Accepts another spelling of the last field added, rewritten to the contract's. */
    public MessageSchema alsoSpelt(String other) {
        return replaceLast(last().alsoSpelt(other));
    }

    private Field last() {
        return fields.get(fields.size() - 1);
    }

    private MessageSchema replaceLast(Field field) {
        fields.set(fields.size() - 1, field);
        return this;
    }

    private MessageSchema add(Field field) {
        fields.add(field);
        return this;
    }
}
