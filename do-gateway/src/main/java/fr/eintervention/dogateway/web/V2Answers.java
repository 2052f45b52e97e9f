package fr.eintervention.dogateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.eintervention.protocol.v2.ErrorBody;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Refusal;

/**
 * The v2 receivers' refusals: HTTP 400 with v2's error body (decision 0025), never a framework
 * page. The minimum the gateway needs for its one v2 receiver (M6TX), on controllers annotated
 * {@link V2Api}; protocol-rules' shared v2 web wiring replaces it.
 */
@RestControllerAdvice(annotations = V2Api.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class V2Answers {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ErrorBody> refused(Refusal refusal) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(refusal.body());
    }

    /** A body the converter could not even read (never expected: the receiver takes the raw bytes). */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable() {
        return refused(new Refusal(ErrorCode.MAUVAIS_FORMAT, "corps illisible: JSON attendu"));
    }
}
