package fr.eintervention.delivery;

import fr.eintervention.credentials.Credentials;

/**
 * How to reach one partner: its base URL and the credentials to present.
 *
 * @param baseUrl     e.g. {@code https://oc.example.com/api} (the message path is appended)
 * @param credentials what is applied to each request to the partner (the security module builds them from configuration)
 */
public record PartnerEndpoint(String baseUrl, Credentials credentials) {

    public PartnerEndpoint(String baseUrl) {
        this(baseUrl, Credentials.NONE);
    }
}
