package fr.eintervention.protocol.v2.web;

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

import fr.eintervention.protocol.v1.web.RawBody;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.MessageValidator;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs v2's validation on the raw body of every v2 request, before it is bound to the v2 types:
 * a malformed body gets v2's refusal (missing fields before bad formats before incoherences),
 * never a framework error. The raw body is kept for the audit trail ({@link RawBody}).
 */
@ControllerAdvice
class V2BodyAdvice extends RequestBodyAdviceAdapter {

    private final MessageValidator validator;
    private final ObjectMapper mapper;

    V2BodyAdvice(MessageValidator v2MessageValidator, ObjectMapper mapper) {
        this.validator = v2MessageValidator;
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
        RawBody.keep(raw);
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
