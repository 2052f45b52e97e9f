package fr.eintervention.oi.impact.web;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.eintervention.oi.OiProperties;
import fr.eintervention.security.EInterventionSecurityAutoConfiguration;
import fr.eintervention.web.input.BodySizeLimitFilter;

/**
 * M5 grows with the customers cut at a PM, far above the 256KB that bound every other request
 * before authentication ({@code eintervention.security.max-body-size}): the OI leaves its path to
 * this filter ({@code eintervention.security.own-body-size-paths}), which applies
 * {@code eintervention.oi.max-m5-size} (4MB) once the caller is authorized.
 */
@Configuration(proxyBeanMethods = false)
class M5BodySize {

    /** After Spring Security's filter chain (order -100): the caller is authorized by then. */
    static final int M5_FILTER_ORDER = 0;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> m5BodySizeLimit(OiProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxM5Size().toBytes(), List.of()));
        registration.addUrlPatterns(EInterventionSecurityAutoConfiguration.CLIENTS_HS);
        registration.setOrder(M5_FILTER_ORDER);
        registration.setName("m5BodySizeLimit");
        return registration;
    }
}
