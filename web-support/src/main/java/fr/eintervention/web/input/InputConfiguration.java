package fr.eintervention.web.input;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * On every endpoint of the service, the protocol's and its own: path, query and headers checked
 * before anything reads them ({@link StrictRequestFilter}), every body read within its time and
 * its text checked once ({@link StrictBodyFilter}), the body of a refused request left unread.
 */
@AutoConfiguration
@EnableConfigurationProperties(InputProperties.class)
public class InputConfiguration {

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
}
