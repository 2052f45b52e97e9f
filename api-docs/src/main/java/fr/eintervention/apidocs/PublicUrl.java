package fr.eintervention.apidocs;

import java.net.URI;
import java.net.URISyntaxException;

import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.http.HttpRequest;

/**
 * The URL {@code /v3/api-docs} gives as its server: {@code eintervention.public-url} when set (the
 * URL partners and operators reach the service at, through any proxy), otherwise the service's
 * context path alone, a relative URL that Swagger UI and clients resolve against the address they
 * read the document from. Never the request's {@code Host} or forwarded headers: anyone can send
 * them, and the document is built once and cached for every reader.
 */
final class PublicUrl implements ServerBaseUrlCustomizer {

    static final String PROPERTY = "eintervention.public-url";

    private final String url;
    private final boolean configured;

    /**
     * @param configured  {@code eintervention.public-url}, blank when not set
     * @param contextPath {@code server.servlet.context-path}, blank when not set
     */
    PublicUrl(String configured, String contextPath) {
        this.configured = configured != null && !configured.isBlank();
        this.url = this.configured ? absolute(configured.trim()) : relative(contextPath);
    }

    @Override
    public String customize(String serverBaseUrl, HttpRequest request) {
        return url;
    }

    String url() {
        return url;
    }

    /** Whether {@code eintervention.public-url} is set: the URL is then absolute. */
    boolean configured() {
        return configured;
    }

    private static String relative(String contextPath) {
        return contextPath == null || contextPath.isBlank() || contextPath.equals("/") ? "/" : stripSlash(contextPath.trim());
    }

    private static String absolute(String configured) {
        try {
            URI uri = new URI(configured);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalStateException(PROPERTY + " must be an http(s) URL with a host and no query, e.g."
                        + " https://oi.example.com, not " + configured);
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(PROPERTY + " is not a URL: " + configured, e);
        }
        return stripSlash(configured);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
