package fr.eintervention.security.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service authenticates to one partner, {@code eintervention.outbound.<CODE>.auth.*}.
 * Secrets come from the configuration or the environment, never from the repository.
 *
 * @param type                 {@code none} (default), {@code oauth2}, {@code basic}, {@code header} or
 *                             {@code certificate}
 * @param username             basic: the user
 * @param password             basic: the password
 * @param name                 header: the header's name, e.g. {@code X-Api-Key} or {@code Authorization}
 * @param value                header: the header's value
 * @param tokenUri             oauth2: the partner's token endpoint (client credentials grant)
 * @param clientId             oauth2: this service's client id at the partner
 * @param clientSecret         oauth2: its secret
 * @param scopes               oauth2: the scopes to ask for, e.g. {@code write:interventions} (none by
 *                             default: the partner's default scopes)
 * @param clientAuthentication oauth2: how the client authenticates to the token endpoint:
 *                             {@code basic} (default, {@code client_secret_basic}) or {@code post}
 *                             ({@code client_secret_post})
 * @param sslBundle            the Spring Boot SSL bundle holding this service's client certificate
 *                             (required for {@code certificate}; with any other type, the certificate
 *                             is presented as well: mutual TLS plus a token)
 * @param timeout              oauth2: connect and answer timeout of the token endpoint (default 10s)
 */
public record OutboundAuth(
        @DefaultValue("none") Type type,
        String username,
        String password,
        String name,
        String value,
        URI tokenUri,
        String clientId,
        String clientSecret,
        List<String> scopes,
        @DefaultValue("basic") ClientAuthentication clientAuthentication,
        String sslBundle,
        @DefaultValue("10s") Duration timeout) {

    public OutboundAuth {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** The kinds of credentials. */
    public enum Type {
        NONE, OAUTH2, BASIC, HEADER, CERTIFICATE
    }

    /** How an OAuth2 client authenticates to the token endpoint. */
    public enum ClientAuthentication {
        BASIC, POST
    }

    /** No secret in logs. */
    @Override
    public String toString() {
        return "OutboundAuth[type=" + type + ", tokenUri=" + tokenUri + ", clientId=" + clientId + ", username="
                + username + ", name=" + name + ", sslBundle=" + sslBundle + "]";
    }
}
