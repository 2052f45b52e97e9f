package fr.eintervention.oc.web;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Swagger UI's groups, one per version of the protocol: {@code v1} (its operations and the OC's
 * own tools) and {@code v2} (its operations under {@code /v2}). Each group gets the project's
 * document customizers (the protocol's answers, the OAuth2 scheme behind Authorize), which
 * springdoc gives a group only when told; {@code /v3/api-docs} stays the whole service.
 */
@Configuration(proxyBeanMethods = false)
class ApiGroups {

    static final String V2_PATHS = "/v2/**";

    @Bean
    GroupedOpenApi v1Group(ObjectProvider<OpenApiCustomizer> customizers) {
        return group("v1", customizers).pathsToExclude(V2_PATHS).build();
    }

    @Bean
    GroupedOpenApi v2Group(ObjectProvider<OpenApiCustomizer> customizers) {
        return group("v2", customizers).pathsToMatch(V2_PATHS).build();
    }

    private static GroupedOpenApi.Builder group(String name, ObjectProvider<OpenApiCustomizer> customizers) {
        GroupedOpenApi.Builder builder = GroupedOpenApi.builder().group(name).displayName(name);
        List<OpenApiCustomizer> project = customizers.orderedStream()
                .filter(customizer -> customizer.getClass().getName().startsWith("fr.eintervention."))
                .toList();
        project.forEach(builder::addOpenApiCustomizer);
        return builder;
    }
}
