package fr.eintervention.credentials;

import java.util.Map;

import javax.net.ssl.SSLContext;

import org.springframework.http.HttpHeaders;

/** Applies a partner's credentials to an outgoing request. */
@FunctionalInterface
public interface Credentials {

    Credentials NONE = headers -> { };

    void apply(HttpHeaders headers);

    /** The partner answered 401: forget any cached token, so that the retry gets a fresh one. */
    default void unauthorized() {
    }

    /** The TLS context to use with that partner (a client certificate), or null for the default. */
    default SSLContext sslContext() {
        return null;
    }

    static Credentials basic(String user, String password) {
        return headers -> headers.setBasicAuth(user, password);
    }

    static Credentials staticHeaders(Map<String, String> values) {
        return headers -> values.forEach(headers::set);
    }
}
