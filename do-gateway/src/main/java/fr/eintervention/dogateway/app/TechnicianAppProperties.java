package fr.eintervention.dogateway.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eintervention.do.app.*}: where the technician's app signs its user in.
 *
 * @param authorizationServer the issuer the app sends its user to (authorization code with PKCE); it
 *                            must be the one whose tokens the gateway accepts
 *                            ({@code eintervention.security.issuer-uri}, the default), at an address the
 *                            phone can reach
 * @param clientId            the app's public client at that server (default {@code technician-app})
 * @param scope               what it asks for (default {@code field})
 */
@ConfigurationProperties("eintervention.do.app")
public record TechnicianAppProperties(
        String authorizationServer,
        @DefaultValue("technician-app") String clientId,
        @DefaultValue("field") String scope) {
}
