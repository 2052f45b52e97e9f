package fr.eintervention.delivery;

import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * How to reach one partner: its base URL and the credentials to present.
 *
 * @param baseUrl     e.g. {@code https://oc.example.com/api} (the message path is appended)
 * @param credentials the seam where a partner's credentials are applied to each request
 */
public record PartnerEndpoint(String baseUrl, Credentials credentials) {

    public PartnerEndpoint(String baseUrl) {
        this(baseUrl, Credentials.NONE);
    }

    /** Applies a partner's credentials to an outgoing request. */
    @FunctionalInterface
    public interface Credentials {

        Credentials NONE = headers -> { };

        void apply(HttpHeaders headers);

        /** The partner answered 401: forget any cached token, so that the retry gets a fresh one. */
        default void unauthorized() {
        }

        /** The TLS context to use with that partner (a client certificate), or null for the default. */
        default javax.net.ssl.SSLContext sslContext() {
            return null;
        }

        static Credentials basic(String user, String password) {
            return headers -> headers.setBasicAuth(user, password);
        }

        static Credentials staticHeaders(Map<String, String> values) {
            return headers -> values.forEach(headers::set);
        }
    }
}
