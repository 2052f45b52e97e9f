package fr.eintervention.security;

import fr.eintervention.web.input.BodySizeLimitFilter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How a service checks who calls it ({@code eintervention.security.*}). Every service depends on
 * the security module, so these settings apply to all of them; see {@code docs/reference/configuration.md} and {@code docs/explanation/security.md}.
 *
 * @param enabled       {@code true} (default): every endpoint but health (and, with
 *                      {@link #publicDocs}, the API documentation) needs a valid bearer token.
 *                      {@code false} is the development switch: anonymous calls are let in, the
 *                      partner check and the rate limit are off, and a loud WARN is logged at
 *                      start-up. Never in production.
 * @param issuerUri     the issuer of the tokens ({@code iss}), e.g. the operator's identity provider
 *                      or {@code http://localhost:9000} (the demo auth-server). Required when
 *                      enabled. A token from any other issuer is refused (401).
 * @param jwkSetUri     where the issuer's signing keys are published; when absent it is read from
 *                      the issuer's discovery document
 *                      ({@code /.well-known/openid-configuration} or
 *                      {@code /.well-known/oauth-authorization-server}) at the first request
 * @param audience      when set, a token must name it in its {@code aud} claim (recommended when the
 *                      identity provider serves other applications too)
 * @param jwsAlgorithms the signature algorithms accepted with {@link #jwkSetUri} (default: the ones
 *                      of the published keys)
 * @param partnerClaim  the token claim that names the caller's operator code (default {@code partner})
 * @param clients       fallback when a token has no partner claim: client id (claim
 *                      {@code client_id}, {@code azp} or {@code sub}) to operator code, e.g.
 *                      {@code clients: {"[3f2a-...]": DO01}}
 * @param operatorScope the scope needed for {@code /admin/**}, {@code /consultation/**} and the
 *                      actuator endpoints other than health (default {@code operator})
 * @param rateLimit     requests per second per partner
 * @param maxBodySize   a request body larger than this is refused with 413 before it is read
 *                      (default 256KB; an M1 is under 2KB)
 * @param publicDocs    {@code true} (default): Swagger UI, {@code /v3/api-docs} and the project's
 *                      documentation ({@code /docs/}) are readable without a token; they only show
 *                      the public contract of the protocol and how the project applies it
 * @param ownBodySizePaths path prefixes whose body size the service limits itself, after
 *                      authentication, with a {@link BodySizeLimitFilter} of its own (e.g. the OC
 *                      adapter's bulk outage feed); default none
 */
@ConfigurationProperties("eintervention.security")
public record EInterventionSecurityProperties(
        @DefaultValue("true") boolean enabled,
        String issuerUri,
        String jwkSetUri,
        String audience,
        List<String> jwsAlgorithms,
        @DefaultValue("partner") String partnerClaim,
        Map<String, String> clients,
        @DefaultValue("operator") String operatorScope,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("true") boolean publicDocs,
        List<String> ownBodySizePaths) {

    public EInterventionSecurityProperties {
        ownBodySizePaths = ownBodySizePaths == null ? List.of() : List.copyOf(ownBodySizePaths);
        jwsAlgorithms = jwsAlgorithms == null ? List.of() : List.copyOf(jwsAlgorithms);
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        if (enabled && (issuerUri == null || issuerUri.isBlank())) {
            throw new IllegalStateException("eintervention.security.issuer-uri (env EINTERVENTION_SECURITY_ISSUERURI)"
                    + " is required: the issuer of the tokens, e.g. the demo auth-server http://localhost:9000."
                    + " For development only, eintervention.security.enabled=false lets anonymous calls in.");
        }
    }

    /**
     * @param requestsPerSecond the requests per second each partner may make (default 500); a
     *                          request past it is refused at once with 429 and {@code Retry-After}.
     *                          0 means no limit. Above the senders' default pace
     *                          ({@code eintervention.delivery.partner-defaults.requests-per-second},
     *                          400): our own services never trip it at their defaults, and an OI
     *                          drains a backlog into an OC adapter at 400 messages a second
     * @param partners          per partner overrides, operator code to requests per second, e.g.
     *                          {@code partners: {OI01: 200}}
     * @param maxInFlight       the requests of one partner being received or processed at once
     *                          (default 32): past it, 429 at once, so that one partner (e.g. one
     *                          sending its bodies slowly) never holds all the server's threads and
     *                          the others, health and the operators are still served. 0 means no limit.
     */
    public record RateLimit(@DefaultValue("500") int requestsPerSecond, Map<String, Integer> partners,
            @DefaultValue("32") int maxInFlight) {

        public RateLimit {
            if (requestsPerSecond < 0) {
                throw new IllegalStateException("eintervention.security.rate-limit.requests-per-second must be >= 0");
            }
            if (maxInFlight < 0) {
                throw new IllegalStateException("eintervention.security.rate-limit.max-in-flight must be >= 0");
            }
            partners = partners == null ? Map.of() : Map.copyOf(partners);
        }

        /** The limit of one partner (0: none). Environment variables give lower-case keys: codes match in any case. */
        public int limitFor(String partner) {
            Integer own = partners.get(partner);
            if (own == null) {
                own = partners.entrySet().stream()
                        .filter(entry -> entry.getKey().toUpperCase(Locale.ROOT).equals(partner.toUpperCase(Locale.ROOT)))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            return own == null ? requestsPerSecond : own;
        }
    }
}
