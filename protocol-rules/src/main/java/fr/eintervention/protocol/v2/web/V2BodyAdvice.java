package fr.eintervention.protocol.v2.web;

import org.springframework.web.bind.annotation.ControllerAdvice;

import fr.eintervention.protocol.v1.web.BodyValidationAdvice;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.MessageValidator;
import tools.jackson.databind.ObjectMapper;

/**
 * Version 2's bodies validated before binding ({@link BodyValidationAdvice}): a malformed body
 * gets v2's refusal (missing fields before bad formats before incoherences), never a framework
 * error.
 */
@ControllerAdvice
class V2BodyAdvice extends BodyValidationAdvice {

    private final MessageValidator validator;

    V2BodyAdvice(MessageValidator v2MessageValidator, ObjectMapper mapper) {
        super(mapper);
        this.validator = v2MessageValidator;
    }

    @Override
    protected boolean isMessage(Class<?> type) {
        return Message.forType(type) != null;
    }

    @Override
    protected Object validate(Class<?> type, byte[] raw) {
        return validator.validate(Message.forType(type), raw);
    }
}
