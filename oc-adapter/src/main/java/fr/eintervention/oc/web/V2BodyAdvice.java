package fr.eintervention.oc.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.MessageValidator;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs v2's validation on the raw body of every v2 request before it is bound to the generated
 * types, so that a malformed body gets v2's refusal (missing fields first, then formats, then
 * coherence) instead of a framework error; keeps the raw body for who must store it as received.
 */
@ControllerAdvice(assignableTypes = {fr.eintervention.model.v2.api.CreerInterventionOiApi.class,
        fr.eintervention.model.v2.api.ModifierInterventionOiApi.class,
        fr.eintervention.model.v2.api.CompteRenduInterventionOiApi.class,
        fr.eintervention.model.v2.api.DemanderTestIntermediaireInterventionOiApi.class})
class V2BodyAdvice extends RequestBodyAdviceAdapter {

    private final MessageValidator validator;
    private final ObjectMapper mapper;

    V2BodyAdvice(MessageValidator validator, ObjectMapper mapper) {
        this.validator = validator;
        this.mapper = mapper;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && Message.forType(type) != null;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] raw = input.getBody().readAllBytes();
        V2BodyAccess.keep(raw);
        byte[] normalized = mapper.writeValueAsBytes(validator.validate(Message.forType((Class<?>) targetType), raw));
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(normalized);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
