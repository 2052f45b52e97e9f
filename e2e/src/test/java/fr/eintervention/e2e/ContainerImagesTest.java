package fr.eintervention.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container images Jib builds without a Docker engine ({@code ./mvnw verify -Pimages}: each
 * service's {@code target/jib-image.tar}), read as a container runtime reads them: the manifest
 * names the image the deployment files use, and its configuration runs the service's main class
 * with {@code java}, as a user other than root, exposing the port the service listens on.
 * Without the profile, a tarball not built is skipped.
 */
class ContainerImagesTest {

    private final ObjectMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"auth-server", "oi-service", "oc-adapter", "do-gateway"})
    void theImageRunsTheServiceAsANonRootUserOnItsPort(String module) throws IOException {
        Path tarball = SuiteBuild.ROOT.resolve(module).resolve("target/jib-image.tar");
        if (!Boolean.getBoolean("images.required")) {
            assumeTrue(Files.exists(tarball), "images built with -Pimages");
        }
        Map<String, byte[]> files = jsonFiles(tarball);
        JsonNode manifest = json.readTree(files.get("manifest.json")).get(0);
        assertThat(manifest.get("RepoTags").get(0).asString()).isEqualTo(SuiteBuild.image(module));
        JsonNode config = json.readTree(files.get(manifest.get("Config").asString())).get("config");

        List<String> entrypoint = config.get("Entrypoint").valueStream().map(JsonNode::asString).toList();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        String mainClass = entrypoint.get(entrypoint.size() - 1);
        assertThat(SuiteBuild.ROOT.resolve(module).resolve("target/classes").resolve(mainClass.replace('.', '/') + ".class"))
                .as("the service's main class").exists();
        String user = config.path("User").asString();
        assertThat(user).as("a user other than root").isNotBlank().doesNotStartWith("0").doesNotStartWith("root");
        assertThat(config.get("ExposedPorts").propertyNames()).containsExactly(SuiteBuild.port(module) + "/tcp");
    }

    /** The JSON files of a "docker save" tarball (its manifest and the image's configuration), by name. */
    private static Map<String, byte[]> jsonFiles(Path tarball) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(tarball)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (name.endsWith(".json")) {
                    files.put(name, in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return files;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
