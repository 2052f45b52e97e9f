package fr.eintervention.apidocs;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Where Swagger UI asks for a token: {@code eintervention.api-docs.token-url} when set, otherwise
 * the {@code token_endpoint} of the issuer's discovery document (OpenID Connect, then RFC 8414),
 * otherwise {@code <issuer>/oauth2/token} (the demo auth-server's, and Spring Authorization Server's).
 */
final class TokenUrl {

    private static final Logger log = LoggerFactory.getLogger(TokenUrl.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String[] DISCOVERY = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"};

    private TokenUrl() {
    }

    static String of(String configured, String issuer) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(TIMEOUT);
        RestClient rest = RestClient.builder().requestFactory(requests).build();
        for (String discovery : DISCOVERY) {
            try {
                Map<String, Object> metadata = rest.get().uri(base + discovery).retrieve()
                        .body(new ParameterizedTypeReference<Map<String, Object>>() { });
                if (metadata != null && metadata.get("token_endpoint") instanceof String endpoint && !endpoint.isBlank()) {
                    return endpoint;
                }
            } catch (RestClientException | IllegalArgumentException e) {
                log.debug("no discovery document at {}{}: {}", base, discovery, e.toString());
            }
        }
        log.info("the issuer's discovery document could not be read: Swagger UI asks {}/oauth2/token for tokens"
                + " (eintervention.api-docs.token-url to name another)", base);
        return base + "/oauth2/token";
    }
}
