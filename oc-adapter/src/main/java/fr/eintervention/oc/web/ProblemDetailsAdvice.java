package fr.eintervention.oc.web;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.eintervention.web.InvalidInput;

/**
 * Refusals of the OC's own APIs as Problem Details (HTTP 400) with an {@code errors} list of
 * {@code {index|line, field, reason}}. Scoped to {@link ProblemDetailsApi} controllers so that
 * the protocol's endpoints keep the contract's answers; ordered before the shared handler, which
 * would answer an unreadable body or a mistyped parameter with a 500.
 */
@RestControllerAdvice(annotations = ProblemDetailsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput invalid) {
        return invalid.getBody();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        return new InvalidInput("unreadable body", List.of(InvalidInput.Fault.of("body", "JSON expected"))).getBody();
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail mistyped(TypeMismatchException exception) {
        String parameter = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        return new InvalidInput(parameter, "invalid value").getBody();
    }
}
