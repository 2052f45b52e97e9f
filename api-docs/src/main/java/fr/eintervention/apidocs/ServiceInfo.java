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

    static Info of(ApiDocsProperties properties, String application, BuildProperties build, boolean secured) {
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
        description.append("Documentation");
        if (blank(properties.docsUrl())) {
            description.append(" (in the project's repository):\n");
        } else {
            description.append(":\n");
        }
        String base = blank(properties.docsUrl()) ? null
                : properties.docsUrl().endsWith("/") ? properties.docsUrl() : properties.docsUrl() + "/";
        for (String[] doc : DOCS) {
            description.append("- ").append(base == null ? "`" + doc[0] + "`" : "[" + doc[0] + "](" + base + doc[0] + ")")
                    .append(": ").append(doc[1]).append('\n');
        }
        return new Info().title(title).version(version).description(description.toString());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
