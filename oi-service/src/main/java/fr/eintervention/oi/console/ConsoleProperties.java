package fr.eintervention.oi.console;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eintervention.console.*}: how operators sign in to the console.
 *
 * @param issuerUri the identity provider the operators sign in at (authorization code with PKCE);
 *                  default: the issuer of the partners' tokens ({@code eintervention.security.issuer-uri}).
 *                  Its discovery document is read at the first sign-in, not at start-up.
 * @param clientId  the console's client at that provider: a public client (no secret), PKCE
 *                  required (default {@code ops-console})
 * @param scopes    the scopes asked at sign-in (default {@code openid} and {@code operator}); access
 *                  is granted only when the token grants the operator scope
 *                  ({@code eintervention.security.operator-scope})
 */
@ConfigurationProperties("eintervention.console")
public record ConsoleProperties(
        String issuerUri,
        @DefaultValue("ops-console") String clientId,
        @DefaultValue({"openid", "operator"}) List<String> scopes) {
}
