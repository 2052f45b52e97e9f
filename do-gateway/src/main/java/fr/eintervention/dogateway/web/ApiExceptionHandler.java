package fr.eintervention.dogateway.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.eintervention.dogateway.Conflict;
import fr.eintervention.dogateway.NotFound;
import fr.eintervention.protocol.Answer;
import fr.eintervention.web.InvalidInput;
import fr.eintervention.web.InvalidInput.Fault;
import tools.jackson.core.JacksonException;

/**
 * The field API's errors as Problem Details: a refused request names each field at fault in
 * {@code errors} [{field, reason}], so that the tool can point at it; {@code protocolAnswer}
 * tells what the OI would have answered.
 */
@RestControllerAdvice(basePackages = "fr.eintervention.dogateway")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput invalid) {
        return invalid.getBody();
    }

    /** A body that cannot be read at all, or a value of the wrong type ({@code "nature": "x"}). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getMostSpecificCause();
        Fault fault = cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()
                ? Fault.of(path(jackson.getPath()), "unreadable value")
                : Fault.of("body", "a JSON object expected");
        // what the OI answers a value it cannot read
        return new InvalidInput(List.of(fault)).with("protocolAnswer", Answer.MAUVAIS_FORMAT.name()).getBody();
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, "Not found", notFound.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict conflict) {
        return problem(HttpStatus.CONFLICT, "Conflict", conflict.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** {@code natures[0].nature}, as the client wrote it. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
