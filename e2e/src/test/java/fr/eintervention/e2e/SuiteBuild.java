package fr.eintervention.e2e;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** What the build says of a service: the image it makes, the port it listens on, its configuration. */
final class SuiteBuild {

    static final Path ROOT = Path.of(System.getProperty("suite.root", ".."));
    private static final Pattern DEFAULT_PORT = Pattern.compile("\\$\\{PORT:(\\d+)}");

    private SuiteBuild() {
    }

    /** The name Jib gives the module's image (the parent pom's {@code to} image, the project's version). */
    static String image(String module) {
        try {
            var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
            String version = pom.getElementsByTagName("version").item(1).getTextContent(); // the project's, after its parent's
            var images = pom.getElementsByTagName("image");
            for (int i = 0; i < images.getLength(); i++) {
                if ("to".equals(images.item(i).getParentNode().getNodeName())) {
                    return images.item(i).getTextContent().replace("${project.artifactId}", module)
                            .replace("${project.version}", version);
                }
            }
            throw new AssertionError("no Jib image name in the parent pom");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the parent pom", e);
        }
    }

    /** The module's application.yml (its first document: the settings of every profile). */
    static JsonNode configuration(String module) {
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(ROOT.resolve(module).resolve("src/main/resources/application.yml").toFile())) {
            return documents.next();
        }
    }

    /** The port the service listens on unless told otherwise: server.port's default ({@code ${PORT:8081}}). */
    static int port(String module) {
        String port = configuration(module).path("server").path("port").asString();
        Matcher matcher = DEFAULT_PORT.matcher(port);
        if (!matcher.matches()) {
            throw new AssertionError(module + ": server.port is not ${PORT:<default>} but " + port);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
