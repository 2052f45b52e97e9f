package fr.eintervention.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.function.SingletonSupplier;

import fr.eintervention.security.EInterventionSecurityAutoConfiguration;
import fr.eintervention.security.EInterventionSecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.ServletContext;

/**
 * Each service's {@code /v3/api-docs} and Swagger UI: the service's title, version (of the build)
 * and role with the documentation's links; the protocol's operations in the protocol's words with
 * all their answers ({@link ProtocolOperations}); with security on, the OAuth2 client-credentials
 * scheme of the configured issuer on every secured operation ({@link OAuth2Scheme}), so that an
 * operator can Authorize in Swagger UI and try any call; the server URL from
 * {@code eintervention.public-url}, never from the request ({@link PublicUrl}).
 */
@AutoConfiguration(after = EInterventionSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsAutoConfiguration {

    private static final String V1_PATHS = "/v1/**";
    private static final String V2_PATHS = "/v2/**";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI einterventionOpenApi(ApiDocsProperties properties, ObjectProvider<BuildProperties> build, Environment environment,
            PublicUrl publicUrl) {
        String application = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(ServiceInfo.of(properties, application, build.getIfAvailable(),
                        environment.getProperty("eintervention.security.enabled", Boolean.class, true),
                        (publicUrl.url().equals("/") ? "" : publicUrl.url()) + "/"))
                // the one server, described in words (not springdoc's "Generated server url")
                .servers(List.of(new Server().url(publicUrl.url()).description(publicUrl.configured()
                        ? "this service (eintervention.public-url)" : "this service, at the address this page was read from")))
                .components(new Components());
    }

    /**
     * Swagger UI's group {@code v1}: version 1's operations, and the paths the service adds
     * ({@code eintervention.api-docs.v1-group-paths}: the DO gateway, which receives nothing in v1,
     * shows its field API there). Every group gets the project's customizers (global ones): its
     * Authorize, the protocol's answers, the examples, the tags' order.
     */
    @Bean
    GroupedOpenApi einterventionV1Group(ApiDocsProperties properties) {
        List<String> paths = new ArrayList<>(List.of(V1_PATHS));
        paths.addAll(properties.v1GroupPaths());
        return GroupedOpenApi.builder().group("v1").pathsToMatch(paths.toArray(String[]::new)).pathsToExclude(V2_PATHS).build();
    }

    /** Swagger UI's group {@code v2}: version 2's operations, under {@code /v2}. */
    @Bean
    GroupedOpenApi einterventionV2Group() {
        return GroupedOpenApi.builder().group("v2").pathsToMatch(V2_PATHS).build();
    }

    /** Everything else: administration, consultation, field APIs. */
    @Bean
    GroupedOpenApi einterventionOperatorsGroup() {
        return GroupedOpenApi.builder().group("operators").displayName("Outils des opérateurs")
                .pathsToExclude(V1_PATHS, V2_PATHS).build();
    }

    @Bean
    PublicUrl einterventionPublicUrl(Environment environment) {
        return new PublicUrl(environment.getProperty(PublicUrl.PROPERTY), environment.getProperty("server.servlet.context-path"));
    }

    @Bean
    ServedDocs einterventionServedDocs() {
        return new ServedDocs();
    }

    @Bean
    Examples einterventionExamples() {
        return new Examples();
    }

    @Bean
    TagOrder einterventionTagOrder(ApiDocsProperties properties) {
        return new TagOrder(properties.tagsFirst());
    }

    @Bean
    ProtocolOperations einterventionProtocolOperations() {
        return new ProtocolOperations();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "eintervention.security.enabled", matchIfMissing = true)
    @ConditionalOnClass(SecurityFilterChain.class)
    OAuth2Scheme einterventionOAuth2Scheme(ApiDocsProperties properties, EInterventionSecurityProperties security,
            ObjectProvider<SecurityFilterChain> chains,
            ObjectProvider<ServletContext> servletContext, Environment environment) {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("write:interventions", "send M1/M3 (a DO, to the OI) or M2/M4 (the OI, to an OC)");
        scopes.put("write:clients", "send M5 (an OC, to the OI)");
        scopes.put(security.operatorScope(), "the operators' tools: administration, consultation, deliveries, metrics");
        scopes.putAll(properties.scopes());
        Supplier<String> tokenUrl = SingletonSupplier.of(() -> TokenUrl.of(properties.tokenUrl(), security.issuerUri()));
        return new OAuth2Scheme(tokenUrl, scopes,
                () -> new AccessRules(chains.orderedStream().toList(), servletContext.getIfAvailable()),
                environment.acceptsProfiles(Profiles.of("demo")));
    }
}
