package fr.eintervention.protocol.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
 * their bodies validated before binding, their errors answered with the contract's body; and on
 * every endpoint of the service, incoming text decoded strictly and checked once
 * ({@link StrictRequestFilter}, {@link StrictBodyFilter}).
 */
@AutoConfiguration
@EnableConfigurationProperties({ProtocolProperties.class, InputProperties.class})
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

    /** Path, query and headers checked before anything reads the body or the parameters. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<StrictRequestFilter> strictRequestFilter(InputProperties properties) {
        FilterRegistrationBean<StrictRequestFilter> registration =
                new FilterRegistrationBean<>(new StrictRequestFilter(properties.formPaths()));
        registration.setOrder(StrictRequestFilter.ORDER);
        registration.setName("strictRequestFilter");
        return registration;
    }

    /** Every body read within its time and checked, once the caller is authorized. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<StrictBodyFilter> strictBodyFilter(InputProperties properties) {
        FilterRegistrationBean<StrictBodyFilter> registration =
                new FilterRegistrationBean<>(new StrictBodyFilter(properties.bodyReadTimeout(), properties.streamedPaths()));
        registration.setOrder(StrictBodyFilter.ORDER);
        registration.setName("strictBodyFilter");
        return registration;
    }

    /**
     * On Tomcat: a refused request's unread body is not drained ({@link UnreadBodyValve}); a body
     * that stops coming is cut after {@code eintervention.input.body-read-timeout} too (the
     * connector's read timeout, unless {@code server.tomcat.connection-timeout} is set).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.Valve")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatInput {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodyValve(InputProperties properties,
                Environment environment) {
            return factory -> {
                factory.addContextValves(new UnreadBodyValve());
                if (!environment.containsProperty("server.tomcat.connection-timeout")) {
                    factory.addConnectorCustomizers(connector -> {
                        connector.setProperty("connectionTimeout", String.valueOf(properties.bodyReadTimeout().toMillis()));
                        if (!environment.containsProperty("server.tomcat.keep-alive-timeout")) {
                            // idle connections between requests are kept as long as before (Tomcat's 60 s)
                            connector.setProperty("keepAliveTimeout", "60000");
                        }
                    });
                }
            };
        }

        /** Tomcat's own refusals (a URL it rejects...) answered like every other, not with its HTML page. */
        @Bean
        ErrorReportAnswerValve.Installer errorReportAnswers() {
            return new ErrorReportAnswerValve.Installer();
        }
    }

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(BASE_PATH, HandlerTypePredicate.forAssignableType(
                InterventionDOApi.class, InterventionOIApi.class, ClientHSOCParInterApi.class));
    }
}
