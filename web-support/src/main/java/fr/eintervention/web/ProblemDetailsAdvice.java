package fr.eintervention.web;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

import fr.eintervention.protocol.Fault;
import tools.jackson.core.JacksonException;

/**
 * The one Problem Details advice of the services' own APIs ({@link ProblemDetailsApi}
 * controllers; the protocol's endpoints keep the contract's answers): a refusal names each field
 * at fault in {@code errors} [{index|line, field, reason}], so that a client can point at it;
 * what the request names is not found (404), contradicts what is recorded (409). Ordered before
 * the protocol's catch-all handler, which would answer an unreadable body or a mistyped parameter
 * without naming the field.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RestControllerAdvice(annotations = ProblemDetailsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput invalid) {
        return invalid.getBody();
    }

    /** A body that cannot be read at all, or a value of the wrong type ({@code "nature": "x"}). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException exception, HandlerMethod handler) {
        Throwable cause = exception.getMostSpecificCause();
        Fault fault = cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()
                ? Fault.of(path(jackson.getPath()), "unreadable value")
                : Fault.of("body", "a JSON object expected");
        InvalidInput refusal = new InvalidInput(List.of(fault));
        ProblemDetailsApi api = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ProblemDetailsApi.class);
        if (api != null && !api.unreadableBodyProtocolAnswer().isEmpty()) {
            refusal.with("protocolAnswer", api.unreadableBodyProtocolAnswer());
        }
        return refusal.getBody();
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail mistyped(TypeMismatchException exception) {
        String parameter = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        return new InvalidInput(parameter, "invalid value").getBody();
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
