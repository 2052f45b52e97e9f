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
 * @param scopes    the scopes asked at sign-in (default {@code operator}); access is granted only
 *                  when the access token grants the operator scope
 *                  ({@code eintervention.security.operator-scope}). With {@code openid} among them,
 *                  the operator is known by the provider's ID token (OpenID Connect); without, by the
 *                  access token itself, a JWT checked against the provider's published keys.
 * @param redirectPath where the provider sends the operator back with the authorization code: the
 *                  redirect URI registered for the client is this service's address followed by
 *                  it (default {@code /console/}, e.g. {@code http://localhost:8081/console/})
 */
@ConfigurationProperties("eintervention.console")
public record ConsoleProperties(
        String issuerUri,
        @DefaultValue("ops-console") String clientId,
        @DefaultValue("operator") List<String> scopes,
        @DefaultValue("/console/") String redirectPath) {
}
