package fr.eintervention.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The JWT decoder of the configured issuer: signature against the issuer's published keys,
 * {@code exp}/{@code nbf} (60 s of clock skew), {@code iss} and, when configured, {@code aud}.
 * Built at the first request, so a service starts even while its identity provider is down;
 * the keys are fetched with timeouts and cached, and each accepted token is remembered until it
 * expires ({@link CachingJwtDecoder}).
 */
final class IssuerJwtDecoders {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private IssuerJwtDecoders() {
    }

    static JwtDecoder of(EInterventionSecurityProperties properties) {
        return new CachingJwtDecoder(new SupplierJwtDecoder(() -> build(properties)), Clock.systemUTC());
    }

    private static JwtDecoder build(EInterventionSecurityProperties properties) {
        RestTemplate rest = restTemplate();
        String issuer = properties.issuerUri();
        String jwkSetUri = properties.jwkSetUri();
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = discoverJwkSetUri(rest, issuer);
        }
        NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).restOperations(rest);
        if (properties.jwsAlgorithms().isEmpty()) {
            builder.discoverJwsAlgorithms();
        } else {
            for (String algorithm : properties.jwsAlgorithms()) {
                SignatureAlgorithm signature = SignatureAlgorithm.from(algorithm);
                if (signature == null) {
                    throw new IllegalStateException("eintervention.security.jws-algorithms: unknown algorithm " + algorithm);
                }
                builder.jwsAlgorithm(signature);
            }
        }
        NimbusJwtDecoder decoder = builder.build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        if (properties.audience() != null && !properties.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.contains(properties.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** The {@code jwks_uri} of the issuer's OpenID Connect or OAuth 2.0 (RFC 8414) discovery document. */
    static String discoverJwkSetUri(RestTemplate rest, String issuer) {
        URI uri = URI.create(issuer);
        String path = uri.getRawPath() == null || "/".equals(uri.getRawPath()) ? "" : uri.getRawPath();
        List<URI> candidates = List.of(
                UriComponentsBuilder.fromUri(uri).replacePath(path + "/.well-known/openid-configuration").build(true).toUri(),
                UriComponentsBuilder.fromUri(uri).replacePath("/.well-known/openid-configuration" + path).build(true).toUri(),
                UriComponentsBuilder.fromUri(uri).replacePath("/.well-known/oauth-authorization-server" + path).build(true).toUri());
        RuntimeException last = null;
        for (URI candidate : candidates) {
            try {
                Map<String, Object> metadata = rest.exchange(candidate, org.springframework.http.HttpMethod.GET, null,
                        new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
                if (metadata == null) {
                    continue;
                }
                if (!issuer.equals(metadata.get("issuer"))) {
                    throw new IllegalStateException("the discovery document at " + candidate + " names the issuer "
                            + metadata.get("issuer") + ", not " + issuer);
                }
                Object jwks = metadata.get("jwks_uri");
                if (!(jwks instanceof String jwksUri) || jwksUri.isBlank()) {
                    throw new IllegalStateException("the discovery document at " + candidate + " has no jwks_uri");
                }
                return jwksUri;
            } catch (RestClientException e) {
                last = e;
            }
        }
        throw new IllegalStateException("cannot read the discovery document of the issuer " + issuer
                + " (set eintervention.security.jwk-set-uri to skip discovery)", last);
    }

    private static RestTemplate restTemplate() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(TIMEOUT);
        factory.setReadTimeout(TIMEOUT);
        return new RestTemplate(factory);
    }
}
