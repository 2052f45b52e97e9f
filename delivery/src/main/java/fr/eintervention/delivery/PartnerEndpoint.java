package fr.eintervention.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

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

    /**
     * Why a partner's base URL cannot be used, or empty when it can: only {@code http} and
     * {@code https} URLs with a host (no {@code file:}, {@code jar:}, relative or unreadable URL,
     * no user info); with an allow-list, only those hosts (exact, case-insensitive).
     */
    public static Optional<String> checkBaseUrl(String baseUrl, Collection<String> allowedHosts) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.of("an http or https URL expected");
        }
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("an http or https URL expected");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("a host expected");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("no user info: credentials are configured, not put in the URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("no query or fragment: the message path is appended");
        }
        if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(host -> host.equalsIgnoreCase(uri.getHost()))) {
            return Optional.of("host " + uri.getHost() + " is not among the allowed partner hosts");
        }
        return Optional.empty();
    }
}
