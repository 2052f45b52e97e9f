package fr.eintervention.authserver;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * People signing in through a browser app: the authorization code flow with PKCE for public
 * clients ({@code eintervention.auth-server.sign-in.apps}: no secret, PKCE required, no consent
 * screen), a login form, and the demo accounts ({@code eintervention.auth-server.sign-in.users},
 * demo profile only). A person's access token names them ({@code sub}), carries their
 * {@code partner} and only the scopes they may have.
 * <p>
 * No refresh token: the authorization server issues none to a public client (it cannot keep one
 * safe). An app whose token expired asks for another the same way, and the login session of this
 * server ({@code server.servlet.session.timeout}) answers at once, without the form.
 */
@Configuration(proxyBeanMethods = false)
class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final SignInProperties properties;

    SignIn(SignInProperties properties) {
        this.properties = properties;
    }

    /** The accounts of the login form: the demo's, or none (never Spring Boot's generated user). */
    @Bean
    InMemoryUserDetailsManager signInUsers() {
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((name, user) -> {
            if (user.password() == null || user.password().isBlank()) {
                return;
            }
            String password = user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
            users.add(User.withUsername(name).password(password)
                    .authorities(user.scopes().stream().map(scope -> "SCOPE_" + scope).toArray(String[]::new)).build());
            log.info("user {}: partner {}, scopes {}", name, user.partner() == null ? "-" : user.partner(), user.scopes());
        });
        return new InMemoryUserDetailsManager(users);
    }

    /** The public clients: authorization code with PKCE, the redirect URIs given, no secret. */
    List<RegisteredClient> apps() {
        List<RegisteredClient> apps = new ArrayList<>();
        properties.apps().forEach((clientId, app) -> {
            if (app.redirectUris().isEmpty()) {
                log.warn("app {} has no redirect URI (eintervention.auth-server.sign-in.apps.{}.redirect-uris): not registered",
                        clientId, clientId);
                return;
            }
            apps.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(("app:" + clientId).getBytes(StandardCharsets.UTF_8)).toString())
                    .clientId(clientId)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUris(uris -> uris.addAll(app.redirectUris()))
                    .scopes(scopes -> scopes.addAll(app.scopes()))
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                            .accessTokenTimeToLive(app.accessTokenTimeToLive())
                            .build())
                    .build());
            log.info("app {}: redirect URIs {}, scopes {}", clientId, app.redirectUris(), app.scopes());
        });
        return apps;
    }

    /** The origins of the apps' redirect URIs: they exchange the code for a token from the browser (TokenEndpointCors). */
    List<String> appOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        properties.apps().values().forEach(app -> app.redirectUris().forEach(uri -> origins.add(origin(uri))));
        return List.copyOf(origins);
    }

    /**
     * A token issued to a person (not to a partner's client): their partner, and only the scopes
     * both the app and the person may have.
     */
    void customize(JwtEncodingContext context) {
        Authentication principal = context.getPrincipal();
        if (!(principal instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        SignInProperties.User user = properties.users().get(principal.getName());
        if (user == null) {
            return;
        }
        if (user.partner() != null && !user.partner().isBlank()) {
            context.getClaims().claim("partner", user.partner());
        }
        Collection<String> scopes = new LinkedHashSet<>(context.getAuthorizedScopes());
        scopes.retainAll(user.scopes());
        context.getClaims().claim(OAuth2TokenIntrospectionClaimNames.SCOPE, Set.copyOf(scopes));
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
