package fr.eintervention.protocol.v2;

/**
 * What is wrong with one field of a v2 message, as data: the field as the sender named it
 * ({@code clientHSOC[2].refPTO}, {@code pointMutualisation.refPM}, {@code body}), the reason, and
 * the v2 label it is refused with.
 */
public record Fault(String field, String reason, ErrorCode code) {

    /** One line: {@code field: reason}. */
    public String describe() {
        return field + ": " + reason;
    }
}
