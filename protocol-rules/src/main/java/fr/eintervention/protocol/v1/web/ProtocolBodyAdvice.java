package fr.eintervention.protocol.v1.web;

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

import fr.eintervention.protocol.v1.MessageValidator;
import fr.eintervention.protocol.v1.ProtocolMessage;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs the protocol's validation on the raw body of every protocol request, before it is bound
 * to the contract types, so that a malformed body gets the protocol's answer (and the right
 * one: missing fields before bad formats) instead of a framework error.
 */
@ControllerAdvice
class ProtocolBodyAdvice extends RequestBodyAdviceAdapter {

    private final MessageValidator validator;
    private final ObjectMapper mapper;

    ProtocolBodyAdvice(MessageValidator validator, ObjectMapper mapper) {
        this.validator = validator;
        this.mapper = mapper;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && ProtocolMessage.forType(type) != null;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] raw = input.getBody().readAllBytes();
        RawBody.keep(raw);
        byte[] normalized = mapper.writeValueAsBytes(
                validator.validate(ProtocolMessage.forType((Class<?>) targetType), raw));
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
