package fr.eintervention.protocol.v1.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.databind.ObjectMapper;

/**
 * Runs a version's validation on the raw body of every request for one of its messages, before it
 * is bound to the contract's types: a malformed body gets that version's refusal (missing fields
 * before bad formats), never a framework error; what is bound is the validated, normalised body.
 * The raw body is kept for the audit trail ({@link RawBody}). Each version says which types are its
 * messages and how it validates them.
 */
public abstract class BodyValidationAdvice extends RequestBodyAdviceAdapter {

    private final ObjectMapper mapper;

    protected BodyValidationAdvice(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether that request type is one of the version's messages. */
    protected abstract boolean isMessage(Class<?> type);

    /** The version's validation of the raw body of a message of that type: the body to bind, or its refusal thrown. */
    protected abstract Object validate(Class<?> type, byte[] raw);

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && isMessage(type);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] raw = input.getBody().readAllBytes();
        RawBody.keep(raw);
        byte[] normalized = mapper.writeValueAsBytes(validate((Class<?>) targetType, raw));
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
