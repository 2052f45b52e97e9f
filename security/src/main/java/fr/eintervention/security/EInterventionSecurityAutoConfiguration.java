package fr.eintervention.security;

import fr.eintervention.web.input.BodySizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import fr.eintervention.protocol.Fault;
import fr.eintervention.web.input.Refusals;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.DispatcherType;

/**
 * Secure by default: every service that depends on this module is an OAuth2 resource server
 * (JWT bearer tokens of the configured issuer) with the contract's scopes, where each partner
 * only speaks for itself, within its rate, with bounded request bodies. See
 * {@link EInterventionSecurityProperties} and {@code docs/explanation/security.md}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EInterventionSecurityProperties.class)
@Import({PartnerCheckAdvice.class, SecurityExceptionHandler.class})
public class EInterventionSecurityAutoConfiguration {

    /** The protocol's paths and the scopes the contract gives them. */
    public static final String INTERVENTION_DO = "/v1/intervention_DO";
    public static final String INTERVENTION_OI = "/v1/intervention_OI";
    public static final String CLIENTS_HS = "/v1/client_HS_OC_Par_Inter";
    public static final String SCOPE_WRITE_INTERVENTIONS = "SCOPE_write:interventions";
    public static final String SCOPE_WRITE_CLIENTS = "SCOPE_write:clients";

    /**
     * v2's paths, each secured as its v1 twin: what declares or relays an intervention (M1, M3, the repair
     * report, a line test's request; M2, M4, their relays) takes write:interventions; what says which customers
     * went down (M5TX, M6TX) takes write:clients. The contract's unsecured M3 {@code PUT} is secured here too.
     */
    public static final String V2_INTERVENTIONS_DO = "/v2/interventions-do";
    public static final String V2_INTERVENTIONS_DO_ALL = "/v2/interventions-do/**";
    public static final String V2_INTERVENTIONS_OI = "/v2/interventions-oi";
    public static final String V2_REPORT_OI = "/v2/interventions-oi/compte-rendu";
    public static final String V2_LINE_TEST_OI = "/v2/interventions-oi/test-intermediaire";
    public static final String V2_M5TX = "/v2/interventions-oi/notification-impacte-clients-oc";
    public static final String V2_M6TX = "/v2/interventions-oi/notification-impacte-clients-oi-do";

    private static final Logger log = LoggerFactory.getLogger(EInterventionSecurityAutoConfiguration.class);

    /** Runs before Spring Security's filters: an oversized body is refused before anything else. */
    public static final int BODY_SIZE_FILTER_ORDER = -110;

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain einterventionSecurityFilterChain(HttpSecurity http, EInterventionSecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder, ObjectProvider<AuthorizationRules> serviceRules) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        if (!properties.enabled()) {
            log.warn("""

                    ************************************************************************
                    * SECURITY IS DISABLED (eintervention.security.enabled=false):          *
                    * anonymous calls are let in, no token, partner check or rate limit.   *
                    * Development only: never run a shared or production service this way. *
                    ************************************************************************""");
            http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
            return http.build();
        }
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint();
        JsonAccessDeniedHandler accessDenied = new JsonAccessDeniedHandler();
        String operator = "SCOPE_" + properties.operatorScope();
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .authorizeHttpRequests(rules -> {
                    // errors of requests that got through are rendered, whatever their dispatch
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.requestMatchers("/error").permitAll();
                    rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (properties.publicDocs()) {
                        rules.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**", "/docs/**").permitAll();
                    }
                    rules.requestMatchers(HttpMethod.POST, INTERVENTION_DO, INTERVENTION_OI).hasAuthority(SCOPE_WRITE_INTERVENTIONS);
                    rules.requestMatchers(HttpMethod.POST, CLIENTS_HS).hasAuthority(SCOPE_WRITE_CLIENTS);
                    rules.requestMatchers(HttpMethod.POST, V2_INTERVENTIONS_DO, V2_INTERVENTIONS_DO_ALL, V2_INTERVENTIONS_OI,
                            V2_REPORT_OI, V2_LINE_TEST_OI).hasAuthority(SCOPE_WRITE_INTERVENTIONS);
                    rules.requestMatchers(HttpMethod.PUT, V2_INTERVENTIONS_DO, V2_INTERVENTIONS_OI)
                            .hasAuthority(SCOPE_WRITE_INTERVENTIONS);
                    rules.requestMatchers(HttpMethod.POST, V2_M5TX, V2_M6TX).hasAuthority(SCOPE_WRITE_CLIENTS);
                    rules.requestMatchers("/admin/**", "/consultation/**", "/actuator/**").hasAuthority(operator);
                    serviceRules.orderedStream().forEach(custom -> custom.configure(rules));
                    rules.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder.getObject())
                                .jwtAuthenticationConverter(new PartnerJwtConverter(properties.partnerClaim(), properties.clients())))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .addFilterAfter(new PartnerRateLimitFilter(RateLimiterRegistry.ofDefaults(), properties.rateLimit()),
                        AuthorizationFilter.class)
                .addFilterAfter(new PartnerInFlightFilter(BulkheadRegistry.ofDefaults(), properties.rateLimit().maxInFlight()),
                        PartnerRateLimitFilter.class);
        return http.build();
    }

    /** The issuer's decoder; a service may declare its own {@link JwtDecoder} instead. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "eintervention.security.enabled", matchIfMissing = true)
    JwtDecoder einterventionJwtDecoder(EInterventionSecurityProperties properties) {
        return IssuerJwtDecoders.of(properties);
    }

    /**
     * Spring Security's own observations (a span and timers around each of its filters, each
     * authentication and each authorization) are off: the request's own observation
     * ({@code http.server.requests}, its span and its trace id in the logs) stays. They cost about
     * a tenth of the OI's CPU under load for figures no dashboard reads (BENCHMARKS.md).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings einterventionSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A URL Spring Security's firewall refuses ({@code ;}, an encoded {@code .} or {@code %}, a
     * backslash...): the answer every refused URL gets (the protocol's MAUVAIS_FORMAT on
     * {@code /v1/...}, Problem Details elsewhere), not the framework's error page.
     */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler einterventionRequestRejected() {
        return (request, response, rejected) -> Refusals.write(request, response, HttpStatus.BAD_REQUEST,
                new Fault("path", "not accepted (" + rejected.getMessage().replaceFirst("^The request was rejected because ", "") + ")"));
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> einterventionBodySizeLimit(EInterventionSecurityProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes(), properties.ownBodySizePaths()));
        registration.setOrder(BODY_SIZE_FILTER_ORDER);
        registration.setName("einterventionBodySizeLimit");
        return registration;
    }
}
