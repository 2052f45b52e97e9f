package fr.eintervention.security;

import fr.eintervention.web.input.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers {@link ForeignPartnerException} with 403 and a Problem Details body that says why, ahead
 * of the protocol's catch-all handler (which would make it a format error).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityExceptionHandler {

    @ExceptionHandler(ForeignPartnerException.class)
    ResponseEntity<Object> foreignPartner(ForeignPartnerException exception, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.body(HttpStatus.FORBIDDEN, exception.getMessage(), request));
    }
}
