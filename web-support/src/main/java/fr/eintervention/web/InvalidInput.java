package fr.eintervention.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import fr.eintervention.protocol.Fault;

/**
 * A request to a service's own API refused because of what it holds: answered as Problem Details
 * (HTTP 400, title "Invalid request") whose {@code errors} list names each fault as data, so that
 * a client can point at the field. Spring MVC renders it as it is ({@link ErrorResponseException});
 * a refusal may carry more properties ({@link #with}).
 */
public class InvalidInput extends ErrorResponseException {

    private final List<Fault> faults;

    /**
     * @param summary what the client is told first ({@code detail})
     * @param faults  the faults reported (possibly the first ones only: the summary says how many there were)
     */
    public InvalidInput(String summary, List<Fault> faults) {
        super(HttpStatus.BAD_REQUEST, problem(summary, faults), null);
        this.faults = List.copyOf(faults);
    }

    /** The faults, summed up as the fields at fault. */
    public InvalidInput(List<Fault> faults) {
        this(faults.stream().map(Fault::field).collect(Collectors.joining(", ", "invalid: ", "")), faults);
    }

    public InvalidInput(String field, String reason) {
        this(field + ": " + reason, List.of(Fault.of(field, reason)));
    }

    public List<Fault> faults() {
        return faults;
    }

    /** Adds a property to the answer, e.g. what the protocol would have answered; returns this refusal. */
    public InvalidInput with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** A refusal is an answer, not a failure: no stack trace (a batch may be refused thousands of times). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static ProblemDetail problem(String summary, List<Fault> faults) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(faults));
        return problem;
    }
}
