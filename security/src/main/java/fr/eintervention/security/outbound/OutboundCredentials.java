package fr.eintervention.security.outbound;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;

import fr.eintervention.credentials.Credentials;

/**
 * The credentials this service presents to each partner, read from
 * {@code eintervention.outbound.<PARTNER_CODE>.auth.*} (see {@link OutboundAuth}), for the
 * services' partner directories (the delivery engine's {@code PartnerDirectory}):
 *
 * <pre>{@code
 * new PartnerEndpoint(baseUrl, outboundCredentials.forPartner("OC01"))
 * }</pre>
 *
 * Every configured partner's credentials are built at start-up, so a missing field fails fast;
 * the same instance is returned on each call, so an OAuth2 token stays cached across messages.
 * A partner without configuration gets {@link Credentials#NONE}.
 */
public final class OutboundCredentials {

    /** {@code eintervention.outbound.<CODE>}: what this module reads of a partner (other keys are ignored). */
    public record Partner(@DefaultValue OutboundAuth auth) {
    }

    public static final String PREFIX = "eintervention.outbound";

    private final Map<String, Credentials> credentials;

    public OutboundCredentials(Map<String, OutboundAuth> partners, SslBundles sslBundles, Clock clock) {
        Map<String, Credentials> built = new LinkedHashMap<>();
        partners.forEach((code, auth) -> built.putIfAbsent(normalize(code), build(normalize(code), auth, sslBundles, clock)));
        this.credentials = Collections.unmodifiableMap(built);
    }

    /** Reads every partner under {@code eintervention.outbound} of the environment. */
    public static OutboundCredentials from(Environment environment, SslBundles sslBundles) {
        return from(Binder.get(environment), sslBundles, Clock.systemUTC());
    }

    static OutboundCredentials from(Binder binder, SslBundles sslBundles, Clock clock) {
        Map<String, Partner> partners = binder.bind(PREFIX, Bindable.mapOf(String.class, Partner.class)).orElse(Map.of());
        Map<String, OutboundAuth> auths = new LinkedHashMap<>();
        partners.forEach((code, partner) -> auths.put(code, partner.auth()));
        return new OutboundCredentials(auths, sslBundles, clock);
    }

    /** The credentials to present to that partner ({@link Credentials#NONE} when none are configured). */
    public Credentials forPartner(String partnerCode) {
        return credentials.getOrDefault(normalize(partnerCode), Credentials.NONE);
    }

    /** The codes of the partners that have credentials configured. */
    public java.util.Set<String> partners() {
        return credentials.keySet();
    }

    /** Environment variables give lower-case map keys: codes are compared in upper case. */
    private static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    static Credentials build(String partner, OutboundAuth auth, SslBundles sslBundles, Clock clock) {
        String where = PREFIX + "." + partner + ".auth.";
        SSLContext ssl = null;
        if (auth.sslBundle() != null && !auth.sslBundle().isBlank()) {
            if (sslBundles == null) {
                throw new IllegalStateException(where + "ssl-bundle is set but no SSL bundles are configured");
            }
            ssl = sslBundles.getBundle(auth.sslBundle()).createSslContext();
        }
        Credentials credentials = switch (auth.type()) {
            case NONE -> Credentials.NONE;
            case BASIC -> basic(require(auth.username(), where + "username"), require(auth.password(), where + "password"));
            case HEADER -> header(require(auth.name(), where + "name"), require(auth.value(), where + "value"));
            case OAUTH2 -> {
                require(auth.tokenUri() == null ? null : auth.tokenUri().toString(), where + "token-uri");
                require(auth.clientId(), where + "client-id");
                require(auth.clientSecret(), where + "client-secret");
                yield new ClientCredentialsToken(partner, auth, ssl, clock);
            }
            case CERTIFICATE -> {
                if (ssl == null) {
                    throw new IllegalStateException(where + "ssl-bundle is required with type certificate");
                }
                yield Credentials.NONE;
            }
        };
        return ssl == null || credentials instanceof ClientCredentialsToken ? credentials : withCertificate(credentials, ssl);
    }

    private static String require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is required");
        }
        return value;
    }

    private static Credentials basic(String username, String password) {
        return new Credentials() {
            @Override
            public void apply(HttpHeaders headers) {
                headers.setBasicAuth(username, password, java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public String toString() {
                return "basic " + username;
            }
        };
    }

    private static Credentials header(String name, String value) {
        return new Credentials() {
            @Override
            public void apply(HttpHeaders headers) {
                headers.set(name, value);
            }

            @Override
            public String toString() {
                return "header " + name;
            }
        };
    }

    private static Credentials withCertificate(Credentials credentials, SSLContext ssl) {
        return new Credentials() {
            @Override
            public void apply(HttpHeaders headers) {
                credentials.apply(headers);
            }

            @Override
            public void unauthorized() {
                credentials.unauthorized();
            }

            @Override
            public SSLContext sslContext() {
                return ssl;
            }

            @Override
            public String toString() {
                return credentials + " with a client certificate";
            }
        };
    }
}
