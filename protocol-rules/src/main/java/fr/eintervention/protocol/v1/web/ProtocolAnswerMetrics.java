package fr.eintervention.protocol.v1.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Version 1's messages received, counted by {@link AnswerMetrics} with {@code version} v1:
 * {@code message} M1..M5, {@code answer} OK or the contract's {@code Libelle_Reponse}.
 */
@ControllerAdvice
class ProtocolAnswerMetrics extends AnswerMetrics {

    ProtocolAnswerMetrics(ObjectProvider<MeterRegistry> registry, ObjectMapper mapper) {
        super("v1", registry, mapper);
    }

    /** M1/M3 and M2/M4 share an endpoint: an end (Fin_Inter) makes the second. */
    @Override
    protected String message(String method, String path) {
        if (!path.contains(ProtocolWebConfiguration.BASE_PATH + "/")) {
            return null;
        }
        if (path.endsWith("/intervention_DO")) {
            return hasEnd() ? "M3" : "M1";
        }
        if (path.endsWith("/intervention_OI")) {
            return hasEnd() ? "M4" : "M2";
        }
        if (path.endsWith("/client_HS_OC_Par_Inter")) {
            return "M5";
        }
        return null;
    }

    @Override
    protected String answer(JsonNode body) {
        return body.path("Libelle_Reponse").asString("NONE");
    }

    private boolean hasEnd() {
        String raw = RawBody.current();
        if (raw == null || !raw.contains("Fin_Inter")) {
            return false;
        }
        JsonNode body = rawBody();
        return body != null && body.hasNonNull("Fin_Inter");
    }
}
