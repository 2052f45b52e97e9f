package fr.eintervention.protocol.v2;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies one generated v2 type into its twin of the same fields (M1 and M3 on the DO side) through
 * their JSON names, so that a field added to both is never forgotten by one mapping.
 */
final class Convert {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // an instant keeps its offset: a copied start reads as the end set beside it
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private Convert() {
    }

    static <T> T to(Object from, Class<T> type) {
        return MAPPER.convertValue(from, type);
    }
}
