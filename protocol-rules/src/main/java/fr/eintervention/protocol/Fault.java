package fr.eintervention.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is wrong with one field of a request, as data: the field as the sender named it
 * ({@code Nature_PBO_PTO[0].PBO}, {@code body}, {@code query parameter pm}, {@code Content-Type})
 * and the reason, with the position of the faulty item when the request holds many. Sentences are
 * made of faults when an answer is written, never parsed back. The one fault of every input,
 * the protocol's messages and the services' own APIs alike.
 *
 * @param index the position of the faulty item in a JSON batch (0-based), when there is one
 * @param line  the line of the faulty item in a CSV file (the header is line 1), when there is one
 * @param field the field at fault, as the client named it ({@code natures[0].pbo})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fault(Integer index, Integer line, String field, String reason) {

    public Fault(String field, String reason) {
        this(null, null, field, reason);
    }

    public static Fault of(String field, String reason) {
        return new Fault(field, reason);
    }

    public static Fault atIndex(int index, String field, String reason) {
        return new Fault(index, null, field, reason);
    }

    public static Fault atLine(int line, String field, String reason) {
        return new Fault(null, line, field, reason);
    }

    /** A line counted in a long, as parsers do (a line beyond {@code int} is an error). */
    public static Fault atLine(long line, String field, String reason) {
        return atLine(Math.toIntExact(line), field, reason);
    }

    /** One line: {@code field: reason}. */
    public String describe() {
        return field + ": " + reason;
    }
}
