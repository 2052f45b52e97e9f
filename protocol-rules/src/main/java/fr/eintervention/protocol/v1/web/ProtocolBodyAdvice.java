package fr.eintervention.protocol.v1.web;

import org.springframework.web.bind.annotation.ControllerAdvice;

import fr.eintervention.protocol.v1.MessageValidator;
import fr.eintervention.protocol.v1.ProtocolMessage;
import tools.jackson.databind.ObjectMapper;

/**
 * Version 1's bodies validated before binding ({@link BodyValidationAdvice}), so that a malformed
 * body gets the protocol's answer (and the right one: missing fields before bad formats) instead
 * of a framework error.
 */
@ControllerAdvice
class ProtocolBodyAdvice extends BodyValidationAdvice {

    private final MessageValidator validator;

    ProtocolBodyAdvice(MessageValidator validator, ObjectMapper mapper) {
        super(mapper);
        this.validator = validator;
    }

    @Override
    protected boolean isMessage(Class<?> type) {
        return ProtocolMessage.forType(type) != null;
    }

    @Override
    protected Object validate(Class<?> type, byte[] raw) {
        return validator.validate(ProtocolMessage.forType(type), raw);
    }
}
