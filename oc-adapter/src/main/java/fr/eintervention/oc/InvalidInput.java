package fr.eintervention.oc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request to the OC's own APIs (outages, queries, admin) refused because of what it holds;
 * answered as Problem Details (HTTP 400) whose {@code errors} list names each fault.
 */
public class InvalidInput extends RuntimeException {

    /**
     * One fault.
     *
     * @param index the position of the faulty event in a JSON batch (0-based), when there is one
     * @param line  the line of the faulty event in a CSV file (the header is line 1), when there is one
     * @param field the field at fault, as the client named it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fault(Integer index, Integer line, String field, String reason) {

        public static Fault of(String field, String reason) {
            return new Fault(null, null, field, reason);
        }

        public static Fault atIndex(int index, String field, String reason) {
            return new Fault(index, null, field, reason);
        }

        public static Fault atLine(int line, String field, String reason) {
            return new Fault(null, line, field, reason);
        }
    }

    private final List<Fault> faults;

    /**
     * @param summary what the client is told first ({@code detail})
     * @param faults  the faults reported (possibly the first ones only: the summary says how many there were)
     */
    public InvalidInput(String summary, List<Fault> faults) {
        super(summary, null, false, false);
        this.faults = List.copyOf(faults);
    }

    public InvalidInput(String field, String reason) {
        this(field + ": " + reason, List.of(Fault.of(field, reason)));
    }

    public List<Fault> faults() {
        return faults;
    }
}
