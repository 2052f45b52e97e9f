package fr.eintervention.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes message bodies: the service's JSON settings, and never a {@code null} (the contract
 * types optional fields as non-nullable: an absent field is the specification's "NULL").
 */
final class Payloads {

    private final ObjectMapper mapper;

    Payloads(ObjectMapper serviceMapper) {
        this.mapper = serviceMapper.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    String write(Object payload) {
        return mapper.writeValueAsString(payload);
    }
}
