package fr.eintervention.protocol.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import fr.eintervention.model.api.ClientHSOCParInterApi;
import fr.eintervention.model.api.InterventionDOApi;
import fr.eintervention.model.api.InterventionOIApi;
import fr.eintervention.protocol.MessageValidator;
import fr.eintervention.protocol.ProtocolProperties;
import fr.eintervention.protocol.Timestamps;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires the protocol's validation into a service: the contract's endpoints under {@code /v1},
 * their bodies validated before binding, their errors answered with the contract's body.
 */
@AutoConfiguration
@EnableConfigurationProperties(ProtocolProperties.class)
@Import({ProtocolBodyAdvice.class, ProtocolExceptionHandler.class, ProtocolAnswerMetrics.class})
public class ProtocolWebConfiguration implements WebMvcConfigurer {

    public static final String BASE_PATH = "/v1";

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
