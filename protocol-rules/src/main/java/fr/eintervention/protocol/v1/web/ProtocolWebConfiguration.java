package fr.eintervention.protocol.v1.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import fr.eintervention.model.v1.api.ClientHSOCParInterApi;
import fr.eintervention.model.v1.api.InterventionDOApi;
import fr.eintervention.model.v1.api.InterventionOIApi;
import fr.eintervention.protocol.ProtocolProperties;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v1.MessageValidator;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires version 1 of the protocol into a service: the contract's endpoints under {@code /v1},
 * their bodies validated before binding, their errors answered with the contract's body. How
 * every endpoint takes its input (the protocol's included) is web-support's
 * ({@code fr.eintervention.web.input}).
 */
@AutoConfiguration
@EnableConfigurationProperties(ProtocolProperties.class)
@Import({ProtocolBodyAdvice.class, ProtocolExceptionHandler.class, ProtocolAnswerMetrics.class})
public class ProtocolWebConfiguration implements WebMvcConfigurer {

    public static final String BASE_PATH = "/v1";

    /** Whether the request is for one of version 1's endpoints, whose every answer is the contract's. */
    public static boolean serves(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + BASE_PATH + "/");
    }

    @Bean
    Timestamps timestamps(ProtocolProperties properties) {
        return new Timestamps(properties.zone());
    }

    @Bean
    MessageValidator messageValidator(ObjectMapper mapper, Timestamps timestamps) {
        return new MessageValidator(mapper, timestamps);
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(BASE_PATH, HandlerTypePredicate.forAssignableType(
                InterventionDOApi.class, InterventionOIApi.class, ClientHSOCParInterApi.class));
    }
}
