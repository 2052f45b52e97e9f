package fr.eintervention.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OAuth2 client-credentials scheme of the configured issuer, declared on every operation the
 * service's access rules do not let anonymous callers in, with the scope(s) that let a caller in.
 * The rules are not restated here: each operation is asked to the service's own security filter
 * chain ({@link AccessRules}), so the document says what the service does. The demo
 * auth-server's client and secret are named only when the service runs the demo profile: a
 * document served anywhere else never shows them.
 */
final class OAuth2Scheme implements GlobalOpenApiCustomizer {

    static final String NAME = "oauth2";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}/]+}");

    private final Supplier<String> tokenUrl;
    private final Map<String, String> scopes;
    private final Supplier<AccessRules> rules;
    private final boolean demo;

    /**
     * @param scopes every scope the service's rules use, with what it gives
     * @param demo   the service runs the demo profile: the demo auth-server's operator client is named
     */
    OAuth2Scheme(Supplier<String> tokenUrl, Map<String, String> scopes, Supplier<AccessRules> rules, boolean demo) {
        this.tokenUrl = tokenUrl;
        this.scopes = scopes;
        this.rules = rules;
        this.demo = demo;
    }

    @Override
    public void customise(OpenAPI api) {
        Set<String> used = new LinkedHashSet<>();
        AccessRules evaluator = rules.get();
        if (api.getPaths() != null && evaluator != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    used.addAll(secure(evaluator, PATH_VARIABLE.matcher(path).replaceAll("x"), method, operation))));
        }
        // the Authorize dialog lists the scopes this service's operations need, in the order given
        Scopes flowScopes = new Scopes();
        scopes.forEach((scope, description) -> {
            if (used.contains(scope)) {
                flowScopes.addString(scope, description);
            }
        });
        api.schemaRequirement(NAME, new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("A token of the operator's identity provider, by client credentials: click Authorize,"
                        + " enter a client id and secret"
                        + (demo ? " (with the demo auth-server, e.g. operator / demo-operator-secret)." : ".")
                        + " Leave the scopes unticked to get all the client's scopes.")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl.get()).scopes(flowScopes))));
    }

    /** Declares the scheme on the operation unless anonymous callers are let in; returns the scopes named. */
    private List<String> secure(AccessRules evaluator, String uri, PathItem.HttpMethod method, Operation operation) {
        if (evaluator.allows(method.name(), uri, anonymous())) {
            operation.setSecurity(null);
            return List.of();
        }
        List<String> letIn = new ArrayList<>();
        for (String scope : scopes.keySet()) {
            if (evaluator.allows(method.name(), uri, withScopes(scope))) {
                letIn.add(scope);
            }
        }
        List<SecurityRequirement> alternatives = new ArrayList<>();
        letIn.forEach(scope -> alternatives.add(new SecurityRequirement().addList(NAME, scope)));
        if (alternatives.isEmpty()) {
            // any valid token (or more than one scope at once): the scheme, no scope named
            alternatives.add(new SecurityRequirement().addList(NAME));
        }
        operation.setSecurity(alternatives);
        return letIn;
    }

    private static Authentication anonymous() {
        return new AnonymousAuthenticationToken("api-docs", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    private static Authentication withScopes(String... scopes) {
        List<String> authorities = new ArrayList<>();
        for (String scope : scopes) {
            authorities.add("SCOPE_" + scope);
        }
        return UsernamePasswordAuthenticationToken.authenticated("api-docs", null,
                AuthorityUtils.createAuthorityList(authorities));
    }
}
