package fr.eintervention.oc.web;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.eintervention.oc.OcProperties;
import fr.eintervention.web.input.BodySizeLimitFilter;

/**
 * The outage feed ({@code POST /outages}, {@code /outages/csv}) takes up to
 * {@code eintervention.oc.outages.max-batch} events a request (100,000: about 21MB of JSON), far
 * above the security module's {@code eintervention.security.max-body-size} (256KB), which is sized
 * for protocol messages and applies before authentication. Raising that limit for the whole
 * service would let anonymous callers make it buffer large chunked bodies; instead the module
 * leaves {@code /outages} alone ({@code eintervention.security.own-body-size-paths}) and the feed
 * gets its own limit, {@code eintervention.oc.outages.max-body-size} (default 32MB), checked
 * <em>after</em> Spring Security: only a caller with the operator scope gets that far.
 */
@Configuration(proxyBeanMethods = false)
class OutageFeedBodySize {

    /** After Spring Security's filter chain (order -100): the caller is authorized by then. */
    static final int FEED_FILTER_ORDER = 0;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> outageFeedBodySizeLimit(OcProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.outages().maxBodySize().toBytes(), List.of()));
        registration.addUrlPatterns("/outages", "/outages/*");
        registration.setOrder(FEED_FILTER_ORDER);
        registration.setName("outageFeedBodySizeLimit");
        return registration;
    }
}
