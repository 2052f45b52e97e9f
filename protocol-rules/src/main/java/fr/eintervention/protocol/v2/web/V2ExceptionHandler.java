package fr.eintervention.protocol.v2.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.eintervention.model.v2.api.CompteRenduInterventionDoApi;
import fr.eintervention.model.v2.api.CompteRenduInterventionOiApi;
import fr.eintervention.model.v2.api.CreerInterventionDoApi;
import fr.eintervention.model.v2.api.CreerInterventionOiApi;
import fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionDoApi;
import fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionOiApi;
import fr.eintervention.model.v2.api.ModifierInterventionDoApi;
import fr.eintervention.model.v2.api.ModifierInterventionOiApi;
import fr.eintervention.model.v2.api.NotifierImpacteClientsOcApi;
import fr.eintervention.model.v2.api.NotifierImpacteClientsOidoApi;
import fr.eintervention.protocol.v2.ErrorBody;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Fault;
import fr.eintervention.protocol.v2.Refusal;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every refusal of a v2 operation is v2's error body with HTTP 400 (decision 0025): a
 * {@link Refusal} as it is; an unreadable body, a wrong media type and the like as MAUVAIS_FORMAT.
 * Only an internal fault is a 5xx, without a body (a dependency down is web-support's 503). Before
 * version 1's handler, for v2's controllers only: requests no controller took (an unknown path, a
 * method not allowed) are answered as elsewhere, with Problem Details.
 */
@RestControllerAdvice(assignableTypes = {
    CreerInterventionDoApi.class, ModifierInterventionDoApi.class, CompteRenduInterventionDoApi.class,
    DemanderTestIntermediaireInterventionDoApi.class, CreerInterventionOiApi.class, ModifierInterventionOiApi.class,
    CompteRenduInterventionOiApi.class, DemanderTestIntermediaireInterventionOiApi.class,
    NotifierImpacteClientsOcApi.class, NotifierImpacteClientsOidoApi.class})
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class V2ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(V2ExceptionHandler.class);

    /** A body the endpoint cannot read at all: MAUVAIS_FORMAT on {@code body}. */
    public static Refusal unreadable() {
        String reason = "requete illisible (JSON attendu)";
        return new Refusal(ErrorCode.MAUVAIS_FORMAT, List.of(new Fault("body", reason, ErrorCode.MAUVAIS_FORMAT)), reason);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ErrorBody> refusal(Refusal refusal, HttpServletRequest request) {
        log.info("{} {} refused: {} {}", request.getMethod(), request.getRequestURI(), refusal.code(), refusal.description());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(refusal.body());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> other(Exception exception, HttpServletRequest request) {
        boolean clientFault = exception instanceof ErrorResponse error ? error.getStatusCode().is4xxClientError()
                : exception instanceof org.springframework.http.converter.HttpMessageNotReadableException
                        || exception instanceof org.springframework.beans.TypeMismatchException;
        if (!clientFault) {
            log.error("{} {} failed", request.getMethod(), request.getRequestURI(), exception);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
        }
        return refusal(unreadable(), request);
    }
}
