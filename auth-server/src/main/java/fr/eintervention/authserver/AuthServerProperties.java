package fr.eintervention.authserver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eintervention.auth-server.*}.
 *
 * @param issuer                the issuer ({@code iss}) of the tokens and of the discovery document,
 *                              the URL the services are configured with
 *                              ({@code eintervention.security.issuer-uri}); default
 *                              {@code http://localhost:9000} (env {@code AUTH_ISSUER}). Blank: taken from
 *                              each request's URL.
 * @param accessTokenTimeToLive how long an access token lives (default 15 minutes)
 * @param clients               client id to its registration; client ids are the partners' codes
 */
@ConfigurationProperties("eintervention.auth-server")
public record AuthServerProperties(
        String issuer,
        @DefaultValue("15m") Duration accessTokenTimeToLive,
        Map<String, Client> clients) {

    public AuthServerProperties {
        clients = merge(clients);
    }

    /**
     * @param secret  the client secret: plain, or encoded with a prefix such as {@code {bcrypt}}.
     *                Never in the repository, except the demo profile's, which are demo-only. A client
     *                without a secret is not registered.
     * @param scopes  the scopes it may get (all of them when the token request names none)
     * @param partner the operator code its tokens carry in the {@code partner} claim; default: the client
     *                id when it is an operator code (4 characters of [0-9A-Z]), none otherwise
     */
    public record Client(String secret, List<String> scopes, String partner) {

        public Client {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        String partnerOf(String clientId) {
            if (partner != null) {
                return partner.isBlank() ? null : partner;
            }
            return clientId.matches("[0-9A-Z]{4}") ? clientId : null;
        }

        /** Fields set in one place complete those set in another (application.yml + environment). */
        Client completedBy(Client other) {
            return new Client(secret != null ? secret : other.secret, scopes.isEmpty() ? other.scopes : scopes,
                    partner != null ? partner : other.partner);
        }
    }

    /**
     * Environment variables give lower-case map keys ({@code EINTERVENTION_AUTHSERVER_CLIENTS_DO01_SECRET}
     * binds to {@code do01}): entries that differ only by case are one client, under the spelling
     * that is not all lower case.
     */
    private static Map<String, Client> merge(Map<String, Client> clients) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, Client> merged = new LinkedHashMap<>();
        if (clients == null) {
            return merged;
        }
        clients.forEach((id, client) -> {
            String key = id.toLowerCase(Locale.ROOT);
            String known = spelling.get(key);
            if (known == null) {
                spelling.put(key, id);
                merged.put(id, client);
                return;
            }
            Client combined = merged.remove(known).completedBy(client);
            String preferred = known.equals(key) ? id : known;
            spelling.put(key, preferred);
            merged.put(preferred, combined);
        });
        return merged;
    }
}
