package fr.eintervention.protocol.v1.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Counts the protocol messages a service received by the answer it gave
 * ({@code eintervention.protocol.received}, tags {@code message}: M1..M5, {@code answer}: OK or the
 * contract's {@code Libelle_Reponse}): every answer of a {@code /v1} endpoint, the controller's
 * or the exception handler's, passes here on its way out.
 */
@ControllerAdvice
class ProtocolAnswerMetrics implements ResponseBodyAdvice<Object> {

    static final String METER = "eintervention.protocol.received";

    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectMapper mapper;

    ProtocolAnswerMetrics(ObjectProvider<MeterRegistry> registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        String path = request.getURI().getPath();
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null || body == null || !path.contains(ProtocolWebConfiguration.BASE_PATH + "/")) {
            return body;
        }
        String message = message(path);
        if (message != null) {
            JsonNode answer = mapper.valueToTree(body);
            Counter.builder(METER)
                    .description("Protocol messages received, by the answer given")
                    .tag("message", message)
                    .tag("answer", answer.path("Libelle_Reponse").asString("NONE"))
                    .register(meters)
                    .increment();
        }
        return body;
    }

    /** M1/M3 and M2/M4 share an endpoint: an end (Fin_Inter) makes the second. */
    private String message(String path) {
        boolean withEnd = hasEnd(RawBody.current());
        if (path.endsWith("/intervention_DO")) {
            return withEnd ? "M3" : "M1";
        }
        if (path.endsWith("/intervention_OI")) {
            return withEnd ? "M4" : "M2";
        }
        if (path.endsWith("/client_HS_OC_Par_Inter")) {
            return "M5";
        }
        return null;
    }

    private boolean hasEnd(String raw) {
        if (raw == null || !raw.contains("Fin_Inter")) {
            return false;
        }
        try {
            return mapper.readTree(raw).hasNonNull("Fin_Inter");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
