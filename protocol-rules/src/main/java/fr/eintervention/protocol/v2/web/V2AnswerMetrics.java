package fr.eintervention.protocol.v2.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;

import fr.eintervention.protocol.v1.web.AnswerMetrics;
import fr.eintervention.protocol.v2.Message;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Version 2's messages received, counted by {@link AnswerMetrics} with {@code version} v2:
 * {@code message} the flux name (M1, M3, CR, M3TX, M2, M4, M4TX, M5TX, M6TX), {@code answer} OK
 * ({@code code} 0) or the error body's label.
 */
@ControllerAdvice
class V2AnswerMetrics extends AnswerMetrics {

    V2AnswerMetrics(ObjectProvider<MeterRegistry> registry, ObjectMapper mapper) {
        super("v2", registry, mapper);
    }

    @Override
    protected String message(String method, String path) {
        int base = path.indexOf(V2WebConfiguration.BASE_PATH + "/");
        if (base < 0) {
            return null;
        }
        Message message = Message.at(method, path.substring(base + V2WebConfiguration.BASE_PATH.length()));
        return message == null ? null : message.flux();
    }

    @Override
    protected String answer(JsonNode body) {
        if (body.hasNonNull("error")) {
            return body.get("error").asString();
        }
        return body.path("code").asInt(-1) == 0 ? "OK" : "NONE";
    }
}
