package fr.eintervention.authserver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eintervention.auth-server.sign-in.*}: people signing in through a browser app (authorization
 * code with PKCE, public clients without a secret), next to the partners' client credentials.
 *
 * @param apps  public client id to its registration, e.g. {@code technician-app}, {@code ops-console}
 * @param users demo accounts (user name to account): none outside the demo profile; production
 *              signs people in at the operator's own identity provider
 */
@ConfigurationProperties("eintervention.auth-server.sign-in")
public record SignInProperties(Map<String, App> apps, Map<String, User> users) {

    public SignInProperties {
        apps = apps == null ? Map.of() : new LinkedHashMap<>(apps);
        users = users == null ? Map.of() : new LinkedHashMap<>(users);
    }

    /**
     * @param redirectUris          where the app may receive its authorization code, exactly (e.g.
     *                              {@code http://192.168.1.20:8080/app/}); their origins may also call
     *                              the token endpoint from the browser (CORS). No URI: not registered.
     * @param scopes                the scopes it may ask for
     * @param accessTokenTimeToLive how long its access tokens live (default 15 minutes)
     * @param name                  what the login form calls it, e.g. "la console de l'OI" (default: its client id)
     */
    public record App(List<String> redirectUris, List<String> scopes,
            @DefaultValue("15m") Duration accessTokenTimeToLive, String name) {

        public App {
            redirectUris = redirectUris == null ? List.of()
                    : redirectUris.stream().map(String::trim).filter(uri -> !uri.isEmpty()).toList();
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /**
     * @param password the password: plain, or encoded with a prefix such as {@code {bcrypt}}; none: not registered
     * @param scopes   the scopes this person's tokens may carry (a scope the app asks for and the
     *                 person may not have is left out of the token)
     * @param partner  the operator code the person works for, in the tokens' {@code partner} claim
     */
    public record User(String password, List<String> scopes, String partner) {

        public User {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }
}
