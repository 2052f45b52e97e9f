package fr.eintervention.protocol.v1.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v1.ProtocolViolation;
import fr.eintervention.protocol.v2.web.V2ExceptionHandler;
import fr.eintervention.protocol.v2.web.V2WebConfiguration;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every answer of a protocol endpoint ({@code /v1/...}) is the contract's response body, whatever
 * went wrong (and a v2 endpoint's refusal before any controller, v2's error body); elsewhere (admin, consultation, field APIs) errors are Problem Details. No stack
 * trace or internal detail ever leaves the service.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProtocolExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProtocolExceptionHandler.class);

    @ExceptionHandler(ProtocolViolation.class)
    ResponseEntity<Object> violation(ProtocolViolation violation, HttpServletRequest request) {
        log.info("{} {} refused: {} {}", request.getMethod(), request.getRequestURI(),
                violation.answer(), violation.description());
        if (!ProtocolWebConfiguration.serves(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatusCode.valueOf(violation.answer().httpStatus()), violation.description());
            problem.setTitle(violation.answer().name());
            return ResponseEntity.status(violation.answer().httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.status(violation.answer().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(ProtocolAnswerBody.of(violation.answer(), violation.description()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception exception, HttpServletRequest request) {
        HttpStatusCode status = statusOf(exception);
        if (status.is5xxServerError()) {
            log.error("{} {} failed", request.getMethod(), request.getRequestURI(), exception);
        }
        if (V2WebConfiguration.serves(request) && status.is4xxClientError()
                && !(exception instanceof HttpRequestMethodNotSupportedException)) {
            // a v2 endpoint no controller took (a media type it does not read): v2's refusal body
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(V2ExceptionHandler.unreadable().body());
        }
        if (!ProtocolWebConfiguration.serves(request) || exception instanceof HttpRequestMethodNotSupportedException) {
            ProblemDetail problem = exception instanceof ErrorResponse error ? error.getBody()
                    : ProblemDetail.forStatus(status);
            if (status.is5xxServerError()) {
                problem.setDetail("internal error");
            } else if (exception instanceof HttpMessageNotReadableException) {
                problem.setDetail("unreadable request body");
            }
            // whatever the Accept header: an error always has its body
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (status.is5xxServerError()) {
            return ResponseEntity.status(status).build();
        }
        // an unreadable body, a wrong media type...: for the protocol, a format error
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(ProtocolAnswerBody.of(Answer.MAUVAIS_FORMAT, "requete illisible (JSON attendu)"));
    }

    private static HttpStatusCode statusOf(Exception exception) {
        if (exception instanceof ErrorResponse error) {
            return error.getStatusCode();
        }
        if (exception instanceof HttpMessageNotReadableException || exception instanceof TypeMismatchException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
