package fr.eintervention.authserver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Client credentials for the partners: each partner (client id = its code) gets a JWT signed with the key
 * published at {@code /oauth2/jwks}, carrying {@code partner}, {@code client_id} and its scopes.
 * Discovery at {@code /.well-known/oauth-authorization-server}, tokens at {@code /oauth2/token}.
 * People sign in through the browser apps with the authorization code flow ({@link SignIn}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String PARTNER_SETTING = "eintervention.partner";
    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    @Bean
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> server
                        .tokenEndpoint(token -> token.accessTokenRequestConverters(AuthorizationServerConfiguration::allScopesByDefault)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the status of a refused authorization request (e.g. unknown redirect URI), not a 401
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                // the login form (people signing in through an app, SignIn) is the only form: CSRF for it alone
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login")))
                .cors(Customizer.withDefaults()) // TokenEndpointCors
                // a session only for a person signed in through the form (the authorization endpoint reads it)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .formLogin(form -> form.loginPage("/login").permitAll()) // LoginPage
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions
                        // a browser sent to the authorization endpoint signs in first
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/oauth2/authorize"))
                        .defaultAuthenticationEntryPointFor((request, response, exception) -> {
                            response.setStatus(401);
                            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                                    + "\"detail\":\"client credentials are required\"}").getBytes(StandardCharsets.UTF_8));
                        }, AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** A token request that names no scope gets all the client's scopes (so {@code curl -u DO01:secret} just works). */
    private static void allScopesByDefault(List<AuthenticationConverter> converters) {
        converters.replaceAll(converter -> !(converter instanceof OAuth2ClientCredentialsAuthenticationConverter) ? converter
                : request -> {
                    Authentication converted = converter.convert(request);
                    if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
                            && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                            && client.getRegisteredClient() != null) {
                        return new OAuth2ClientCredentialsAuthenticationToken(client,
                                client.getRegisteredClient().getScopes(), token.getAdditionalParameters());
                    }
                    return converted;
                });
    }

    /** The partners' clients and the apps people sign in through ({@link SignIn}). */
    @Bean
    RegisteredClientRepository clients(AuthServerProperties properties, SignIn signIn) {
        return registeredClientRepository(properties, signIn.apps());
    }

    RegisteredClientRepository registeredClientRepository(AuthServerProperties properties) {
        return registeredClientRepository(properties, List.of());
    }

    private static RegisteredClientRepository registeredClientRepository(AuthServerProperties properties,
            List<RegisteredClient> apps) {
        List<RegisteredClient> clients = new ArrayList<>();
        properties.clients().forEach((clientId, client) -> {
            if (client.secret() == null || client.secret().isBlank()) {
                log.warn("client {} has no secret (eintervention.auth-server.clients.{}.secret): not registered", clientId, clientId);
                return;
            }
            String secret = client.secret().startsWith("{") ? client.secret() : "{noop}" + client.secret();
            ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false);
            String partner = client.partnerOf(clientId);
            if (partner != null) {
                settings.setting(PARTNER_SETTING, partner);
            }
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString())
                    .clientId(clientId)
                    .clientSecret(secret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(scopes -> scopes.addAll(client.scopes()))
                    .clientSettings(settings.build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                            .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                            .build())
                    .build());
            log.info("client {}: partner {}, scopes {}", clientId, partner == null ? "-" : partner, client.scopes());
        });
        clients.addAll(apps);
        if (clients.isEmpty()) {
            throw new IllegalStateException("no client has a secret: run with the demo profile (demo secrets) or set"
                    + " eintervention.auth-server.clients.<ID>.secret, e.g. EINTERVENTION_AUTHSERVER_CLIENTS_DO01_SECRET");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    /** The access token names the partner and the client, next to the scopes. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> partnerClaim(SignIn signIn) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            RegisteredClient client = context.getRegisteredClient();
            Map<String, Object> settings = client.getClientSettings().getSettings();
            Object partner = settings.get(PARTNER_SETTING);
            if (partner != null) {
                context.getClaims().claim("partner", partner);
            }
            context.getClaims().claim("client_id", client.getClientId());
            signIn.customize(context);
        };
    }
}
