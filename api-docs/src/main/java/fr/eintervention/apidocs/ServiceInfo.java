package fr.eintervention.apidocs;

import org.springframework.boot.info.BuildProperties;

import io.swagger.v3.oas.models.info.Info;

/** The API's title, version (the build's) and description: the service's role, where its documentation is, how to authorize. */
final class ServiceInfo {

    static final String[][] DOCS = {
            {"docs/README.md", "the documentation's index"},
            {"docs/reference/http-api.md", "the HTTP APIs"},
            {"docs/explanation/protocol-rules.md", "the protocol's rules as this project applies them"},
            {"docs/reference/swagger-ui.md", "this page: how to authorize and try a call"}};

    private ServiceInfo() {
    }

    /**
     * @param served where the service itself serves the documentation ({@link ServedDocs}): the
     *               links' base when no {@code docs-url} is configured
     */
    static Info of(ApiDocsProperties properties, String application, BuildProperties build, boolean secured, String served) {
        String title = blank(properties.title()) ? "E-Intervention " + application : properties.title();
        String version = build != null && build.getVersion() != null ? build.getVersion() : "unknown";
        StringBuilder description = new StringBuilder();
        if (!blank(properties.description())) {
            description.append(properties.description().strip()).append("\n\n");
        }
        description.append("E-Intervention is the interoperability protocol with which FTTH operators share, in real"
                + " time, when a technician works at a shared PM: the DO declares each presence (M1, M3) to the OI,"
                + " which forwards it to every OC present at that PM (M2, M4); an OC may answer with the customers cut"
                + " during the intervention (M5).\n\n");
        if (secured) {
            description.append("Every operation but health needs a token of the operator's identity provider: click"
                    + " **Authorize**, enter a client id and secret (client credentials), then **Try it out**.\n\n");
        }
        description.append(blank(properties.docsUrl()) ? "Documentation (served by this service, as text):\n" : "Documentation:\n");
        String base = blank(properties.docsUrl()) ? served
                : properties.docsUrl().endsWith("/") ? properties.docsUrl() : properties.docsUrl() + "/";
        for (String[] doc : DOCS) {
            description.append("- [").append(doc[0]).append("](").append(base).append(doc[0]).append("): ")
                    .append(doc[1]).append('\n');
        }
        return new Info().title(title).version(version).description(description.toString());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
