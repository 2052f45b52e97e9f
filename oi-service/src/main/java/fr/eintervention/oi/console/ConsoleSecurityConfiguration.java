package fr.eintervention.oi.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

import fr.eintervention.security.EInterventionSecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's own security, beside the partners' (bearer tokens, stateless): operators sign in
 * with their OAuth2 identity (authorization code with PKCE, public client), in a session, with
 * CSRF protection; only a token granting the operator scope opens it. An anonymous visitor is
 * sent to sign in; a request carrying a bearer token (a partner's API client) is refused with 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurityConfiguration {

    static final String REGISTRATION_ID = "ops-console";
    static final String SIGN_IN = "/console/oauth2/authorization/" + REGISTRATION_ID;
    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ConsoleProperties console,
            EInterventionSecurityProperties security) throws Exception {
        http.securityMatcher("/console/**", "/webjars/**");
        if (!security.enabled()) {
            log.warn("SECURITY IS DISABLED (eintervention.security.enabled=false): the console at /console is open to anyone");
            http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
            return http.build();
        }
        String issuer = console.issuerUri() != null && !console.issuerUri().isBlank() ? console.issuerUri() : security.issuerUri();
        String operator = "SCOPE_" + security.operatorScope();
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/webjars/**", "/console/assets/**", "/console/deconnecte").permitAll()
                        .anyRequest().hasAuthority(operator))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(new DiscoveredRegistration(issuer, console))
                        .authorizationEndpoint(endpoint -> endpoint.baseUri("/console/oauth2/authorization"))
                        .loginProcessingUrl(console.redirectPath())
                        // the redirect path is a page too (/console/): only a provider's answer (state and code or error) signs in
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                            @Override
                            public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                                filter.setRequiresAuthenticationRequestMatcher(request ->
                                        console.redirectPath().equals(request.getRequestURI().substring(request.getContextPath().length()))
                                                && request.getParameter("state") != null
                                                && (request.getParameter("code") != null || request.getParameter("error") != null));
                                return filter;
                            }
                        })
                        .userInfoEndpoint(userInfo -> userInfo.userService(new AccessTokenUser(issuer)))
                        .loginPage(SIGN_IN)
                        .defaultSuccessUrl("/console/", false)
                        .failureHandler((request, response, exception) -> page(request, response, HttpStatus.UNAUTHORIZED,
                                "Connexion impossible", "Le fournisseur d'identité a refusé la connexion : "
                                        + exception.getMessage())))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/deconnecte"))
                // back to the page asked for, as it was asked (without Spring Security's "?continue" marker)
                .requestCache(cache -> cache.requestCache(pageAskedFor()))
                .exceptionHandling(exceptions -> exceptions
                        // an API client with a bearer token (a partner's, say) is not sent to a login page
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> request.getHeader("Authorization") != null)
                        // the live figures' polling after the session ended: htmx reloads the page, which signs in again
                        .defaultAuthenticationEntryPointFor((request, response, exception) -> {
                                    response.setHeader("HX-Redirect", "/console/");
                                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                                },
                                request -> request.getHeader("Authorization") == null && request.getHeader("HX-Request") != null)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN),
                                request -> request.getHeader("Authorization") == null)
                        .accessDeniedHandler((request, response, denied) -> page(request, response, HttpStatus.FORBIDDEN,
                                "Accès refusé", "La console est réservée aux opérateurs de l'OI (scope "
                                        + security.operatorScope() + ").")));
        return http.build();
    }

    /** A small page of its own: the console's templates may not be reachable to someone refused. */
    private static void page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String text) throws IOException {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String signOut = csrf == null ? "" : """
                <form method="post" action="/console/logout"><input type="hidden" name="%s" value="%s">
                <button type="submit">Se déconnecter</button></form>""".formatted(
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>%1$s</title>
                <link rel="stylesheet" href="/console/assets/console.css"></head>
                <body><main class="refused"><h1>%1$s</h1><p>%2$s</p>%3$s</main></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(text), signOut)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The console's client registration, from the issuer's discovery document read at the first
     * sign-in (the service starts whether the identity provider is up or not), then kept.
     */
    static final class DiscoveredRegistration implements ClientRegistrationRepository {

        private final String issuer;
        private final ConsoleProperties console;
        private volatile ClientRegistration registration;

        DiscoveredRegistration(String issuer, ConsoleProperties console) {
            this.issuer = issuer;
            this.console = console;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration known = registration;
            if (known == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = ClientRegistrations.fromIssuerLocation(issuer)
                                .registrationId(REGISTRATION_ID)
                                .clientId(console.clientId())
                                .clientSecret(null)
                                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                                .redirectUri("{baseUrl}" + console.redirectPath())
                                .scope(console.scopes())
                                .userNameAttributeName(IdTokenClaimNames.SUB)
                                .clientName("Console d'exploitation de l'OI")
                                .build();
                    }
                    known = registration;
                }
            }
            return known;
        }
    }

    /** The page a person asked for before signing in, where the sign-in leads back to, its address unchanged. */
    private static RequestCache pageAskedFor() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }
}
