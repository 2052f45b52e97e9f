package fr.eintervention.oc.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.eintervention.protocol.v2.ErrorBody;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Refusal;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every refusal of a v2 operation is HTTP 400 with v2's error body (decision 0025), ahead of
 * version 1's handler: the refusals of v2's rules and of the receivers, and a body that cannot be
 * bound (MAUVAIS_FORMAT). What this does not handle (a caller speaking for another partner, a
 * database down) keeps the service's usual answers (403, 503).
 */
@RestControllerAdvice(assignableTypes = {fr.eintervention.model.v2.api.CreerInterventionOiApi.class,
        fr.eintervention.model.v2.api.ModifierInterventionOiApi.class,
        fr.eintervention.model.v2.api.CompteRenduInterventionOiApi.class,
        fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionOiApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class V2Refusals {

    private static final Logger log = LoggerFactory.getLogger(V2Refusals.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ErrorBody> refusal(Refusal refusal, HttpServletRequest request) {
        log.info("{} {} refused: {} {}", request.getMethod(), request.getRequestURI(), refusal.code(), refusal.description());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(refusal.body());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, TypeMismatchException.class})
    ResponseEntity<ErrorBody> unreadable(Exception exception, HttpServletRequest request) {
        return refusal(new Refusal(ErrorCode.MAUVAIS_FORMAT, "requete illisible (JSON attendu)"), request);
    }
}
