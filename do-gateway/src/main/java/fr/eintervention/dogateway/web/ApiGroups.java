package fr.eintervention.dogateway.web;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Swagger UI's groups, one per version of the protocol (each with the service's description and
 * its Authorize): {@code v1}, first and the default, holds the gateway's own API (the field API,
 * the technician's app, the operators' deliveries) beside v1, where the DO receives nothing;
 * {@code v2} holds what the DO receives in v2 (M6TX). {@code /v3/api-docs} still gives all of it.
 */
@Configuration(proxyBeanMethods = false)
class ApiGroups {

    static final String V2_PATHS = "/v2/**";

    @Bean
    GroupedOpenApi v1Group(ObjectProvider<OpenApiCustomizer> customizers) {
        return withCustomizers(GroupedOpenApi.builder().group("v1").pathsToExclude(V2_PATHS), customizers);
    }

    @Bean
    GroupedOpenApi v2Group(ObjectProvider<OpenApiCustomizer> customizers) {
        return withCustomizers(GroupedOpenApi.builder().group("v2").pathsToMatch(V2_PATHS), customizers);
    }

    /** The service's own customizers (description, OAuth2 scheme, protocol answers) in every group too. */
    private static GroupedOpenApi withCustomizers(GroupedOpenApi.Builder builder, ObjectProvider<OpenApiCustomizer> customizers) {
        List<OpenApiCustomizer> all = customizers.orderedStream().toList();
        all.forEach(builder::addOpenApiCustomizer);
        return builder.build();
    }
}
