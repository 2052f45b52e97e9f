package fr.eintervention.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's {@code /v3/api-docs} and Swagger UI say about it ({@code eintervention.api-docs.*}).
 * The public URL of the service is {@code eintervention.public-url} (see {@link PublicUrl}).
 *
 * @param title       the API's title (default {@code E-Intervention <spring.application.name>})
 * @param description the service's role, in Markdown; the documentation's links and how to
 *                    authorize are appended
 * @param docsUrl     where the project's documentation is browsed, the folder that holds
 *                    {@code docs/} (e.g. {@code https://github.com/<owner>/<repo>/blob/main/}); when
 *                    blank (default) the description names the files of the repository instead
 * @param tokenUrl    the token endpoint Swagger UI asks for a token (client credentials); default: the
 *                    {@code token_endpoint} of the issuer's discovery document, or
 *                    {@code <eintervention.security.issuer-uri>/oauth2/token} when it cannot be read
 * @param scopes      scopes a service uses besides the module's ({@code write:interventions},
 *                    {@code write:clients} and the operator scope), with what they give, e.g.
 *                    {@code scopes: {field: "the technicians' field API"}}
 * @param tagsFirst   the tags Swagger UI shows first, in that order (e.g. the service's main API
 *                    before its administration); the others follow
 * @param v1GroupPaths the paths Swagger UI's {@code v1} group holds besides version 1's
 *                    ({@code /v1/**}), never those of version 2 (e.g. {@code /**}: the DO gateway's
 *                    own API, it receives nothing in v1); default none
 */
@ConfigurationProperties("eintervention.api-docs")
public record ApiDocsProperties(String title, String description, String docsUrl, String tokenUrl,
        Map<String, String> scopes, List<String> tagsFirst, List<String> v1GroupPaths) {

    public ApiDocsProperties {
        scopes = scopes == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(scopes));
        tagsFirst = tagsFirst == null ? List.of() : List.copyOf(tagsFirst);
        v1GroupPaths = v1GroupPaths == null ? List.of() : List.copyOf(v1GroupPaths);
    }
}
