package fr.eintervention.protocol;

/**
 * What is wrong with one field of a request, as data: the field as the sender named it
 * ({@code Nature_PBO_PTO[0].PBO}, {@code body}, {@code query parameter pm}, {@code Content-Type})
 * and the reason. Sentences are made of faults when an answer is written, never parsed back.
 */
public record Fault(String field, String reason) {

    /** One line: {@code field: reason}. */
    public String describe() {
        return field + ": " + reason;
    }
}
