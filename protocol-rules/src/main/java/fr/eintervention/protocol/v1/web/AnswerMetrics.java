package fr.eintervention.protocol.v1.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Counts the protocol messages a service received by the answer it gave, in every version
 * ({@code eintervention.protocol.received}, tags {@code version}: v1 or v2, {@code message}: the
 * message's name, {@code answer}: OK or the refusal's label): every answer of a version's
 * endpoint, the controller's or the exception handler's, passes here on its way out. A version
 * says which of its messages a request is and how its answer body reads.
 */
public abstract class AnswerMetrics implements ResponseBodyAdvice<Object> {

    public static final String METER = "eintervention.protocol.received";

    private final String version;
    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectMapper mapper;

    protected AnswerMetrics(String version, ObjectProvider<MeterRegistry> registry, ObjectMapper mapper) {
        this.version = version;
        this.registry = registry;
        this.mapper = mapper;
    }

    /** The message of the version this request sent to one of the version's endpoints, or {@code null}. */
    protected abstract String message(String method, String path);

    /** OK, or the refusal's label, read from the answer's body. */
    protected abstract String answer(JsonNode body);

    /** The request's body as received, as JSON ({@code null} when it is not). */
    protected JsonNode rawBody() {
        String raw = RawBody.current();
        if (raw == null) {
            return null;
        }
        try {
            return mapper.readTree(raw);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null || body == null) {
            return body;
        }
        String message = message(request.getMethod().name(), request.getURI().getPath());
        if (message != null) {
            Counter.builder(METER)
                    .description("Protocol messages received, by the answer given")
                    .tag("version", version)
                    .tag("message", message)
                    .tag("answer", answer(mapper.valueToTree(body)))
                    .register(meters)
                    .increment();
        }
        return body;
    }
}
