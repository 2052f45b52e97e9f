package fr.eintervention.protocol.text;

/**
 * Why a text was refused, as data: the field at fault as the sender named it ({@code body},
 * {@code Nature_PBO_PTO[0].PBO}, {@code query parameter pm}, {@code path}) and the reason.
 */
public record TextFault(String field, String reason) {

    /** One line: {@code field: reason}. */
    public String describe() {
        return field + ": " + reason;
    }
}
