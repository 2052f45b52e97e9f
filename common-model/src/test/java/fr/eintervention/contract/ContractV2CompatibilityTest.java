package fr.eintervention.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Our v2 contracts against the official v2.5.0 files kept in {@code openapi/official/}: the official
 * files are the publisher's, byte for byte; ours differ from them only by the differences listed,
 * each with its decision record, in {@code contract-v2/decided-differences.txt}; every operation,
 * schema, property, required field and enum value of the official files is in ours and in the
 * generated types and API interfaces.
 */
class ContractV2CompatibilityTest {

    private static final Path OPENAPI = Contracts.OPENAPI;
    private static final Map<String, String> OFFICIAL_SHA256 = Map.of(
            "E-Intervention-DO-v2.5.0.OAS3.yaml", "4646bca81ef4e65a1ba6aac87e2b5e7e7482a2df95e6f68535dfab6cb0a0469a",
            "E-Intervention-OI-v2.5.0.OAS3.yaml", "13bf2bb9817f44056256c16c863a354b1c9ee714195765f9997e81a0f30a8e9d");

    /** One side of the protocol: the official file and ours. */
    enum Side {
        DO("E-Intervention-DO-v2.5.0.OAS3.yaml", "e-intervention-v2-do.yaml"),
        OI("E-Intervention-OI-v2.5.0.OAS3.yaml", "e-intervention-v2-oi.yaml");

        final String official;
        final String ours;

        Side(String official, String ours) {
            this.official = official;
            this.ours = ours;
        }
    }

    @Test
    void theOfficialFilesAreThePublishersByteForByte() throws IOException {
        for (Side side : Side.values()) {
            assertThat(Contracts.sha256(OPENAPI.resolve("official").resolve(side.official)))
                    .as(side.official).isEqualTo(OFFICIAL_SHA256.get(side.official));
        }
    }

    @Test
    void oursDiffersFromTheOfficialOnlyByTheDecidedDifferences() throws IOException {
        List<String> actual = new ArrayList<>();
        for (Side side : Side.values()) {
            Contracts.differences(side.name(), official(side), ours(side), actual);
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(Contracts.decided("/contract-v2/decided-differences.txt"));
    }

    @Test
    void everyOfficialOperationIsOursWithTheSameBodiesAndAGeneratedMethod() throws Exception {
        for (Side side : Side.values()) {
            Map<String, Object> officialPaths = map(official(side).get("paths"));
            Map<String, Object> ourPaths = map(ours(side).get("paths"));
            for (var path : officialPaths.entrySet()) {
                for (var operation : map(path.getValue()).entrySet()) {
                    Map<String, Object> theirs = map(operation.getValue());
                    Map<String, Object> mine = map(map(ourPaths.get(path.getKey())).get(operation.getKey()));
                    String where = side + " " + operation.getKey().toUpperCase() + " " + path.getKey();
                    assertThat(map(ourPaths.get(path.getKey()))).as(where).containsKey(operation.getKey());
                    assertThat(mine.get("operationId")).as(where).isEqualTo(theirs.get("operationId"));
                    assertThat(mine.get("requestBody")).as(where + " request").isEqualTo(theirs.get("requestBody"));
                    assertThat(mine.get("responses")).as(where + " responses").isEqualTo(theirs.get("responses"));
                    assertThat(mine.get("security")).as(where + " is secured").isNotNull();
                    Method method = generatedOperation((String) theirs.get("operationId"));
                    RequestMapping mapping = method.getAnnotation(RequestMapping.class);
                    assertThat(mapping.value()).as(where + " generated path").containsExactly(path.getKey());
                    assertThat(mapping.method()).as(where + " generated method")
                            .containsExactly(RequestMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT)));
                }
            }
        }
    }

    @Test
    void everyOfficialSchemaPropertyRequiredFieldAndEnumIsOursAndGenerated() throws Exception {
        for (Side side : Side.values()) {
            Map<String, Object> officialSchemas = map(map(official(side).get("components")).get("schemas"));
            Map<String, Object> ourSchemas = map(map(ours(side).get("components")).get("schemas"));
            for (var schema : officialSchemas.entrySet()) {
                String name = schema.getKey();
                Map<String, Object> theirs = map(schema.getValue());
                Map<String, Object> mine = map(ourSchemas.get(name));
                assertThat(ourSchemas).as(side + " schema " + name).containsKey(name);
                Map<String, Object> theirProperties = map(theirs.get("properties"));
                Map<String, Object> myProperties = map(mine.get("properties"));
                assertThat(myProperties.keySet()).as(side + " " + name + " properties")
                        .containsExactlyInAnyOrderElementsOf(theirProperties.keySet());
                Set<String> relaxed = relaxedRequired(side, name);
                assertThat(list(mine.get("required"))).as(side + " " + name + " required")
                        .containsAll(list(theirs.get("required")).stream().filter(field -> !relaxed.contains(field)).toList());
                Class<?> type = Class.forName("fr.eintervention.model.v2." + name);
                assertThat(jsonProperties(type)).as(side + " " + name + " on the wire")
                        .containsExactlyInAnyOrderElementsOf(theirProperties.keySet());
                for (var property : theirProperties.entrySet()) {
                    Map<String, Object> theirProperty = map(property.getValue());
                    Map<String, Object> myProperty = map(myProperties.get(property.getKey()));
                    String where = side + " " + name + "." + property.getKey();
                    for (String key : List.of("type", "format", "$ref", "items")) {
                        assertThat(myProperty.get(key)).as(where + " " + key).isEqualTo(theirProperty.get(key));
                    }
                    for (Object value : list(theirProperty.get("enum"))) {
                        String spelt = decidedSpelling(String.valueOf(value));
                        assertThat(list(myProperty.get("enum"))).as(where + " enum").contains(spelt);
                        assertThat(enumAccepts(type, property.getKey(), spelt)).as(where + " generated enum " + spelt).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void schemasOfTheSameNameOnBothSidesAreTheSameOnTheWire() throws IOException {
        // both sides generate into one package: a schema both declare must carry the same properties
        Map<String, Object> doSchemas = map(map(ours(Side.DO).get("components")).get("schemas"));
        Map<String, Object> oiSchemas = map(map(ours(Side.OI).get("components")).get("schemas"));
        for (String name : doSchemas.keySet()) {
            if (oiSchemas.containsKey(name)) {
                Map<String, Object> doProperties = map(map(doSchemas.get(name)).get("properties"));
                Map<String, Object> oiProperties = map(map(oiSchemas.get(name)).get("properties"));
                assertThat(doProperties.keySet()).as(name).isEqualTo(oiProperties.keySet());
                for (String property : doProperties.keySet()) {
                    assertThat(map(doProperties.get(property)).get("type")).as(name + "." + property)
                            .isEqualTo(map(oiProperties.get(property)).get("type"));
                }
                assertThat(list(map(doSchemas.get(name)).get("required")))
                        .isEqualTo(list(map(oiSchemas.get(name)).get("required")));
            }
        }
    }

    /** The one generated interface of an operation (one per operation, so that each role implements only its own). */
    private static Method generatedOperation(String operationId) throws IOException, ClassNotFoundException {
        Path api = Path.of("target", "classes", "fr", "eintervention", "model", "v2", "api");
        List<Method> found = new ArrayList<>();
        try (Stream<Path> classes = Files.list(api)) {
            for (Path file : classes.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("fr.eintervention.model.v2.api." + name);
                for (Method method : type.getDeclaredMethods()) {
                    if (method.getName().equals(operationId)) {
                        assertThat(type.getDeclaredMethods()).as(name + " holds one operation").hasSize(1);
                        found.add(method);
                    }
                }
            }
        }
        assertThat(found).as(operationId + " generated once").hasSize(1);
        return found.get(0);
    }

    /** Required fields that a decision relaxed (0027). */
    private static Set<String> relaxedRequired(Side side, String schema) {
        if (side != Side.OI) {
            return Set.of();
        }
        return switch (schema) {
            case "ClientImpacteParInterventionOut", "NotifierImpacteClientsOIDOOut" -> Set.of("numeroTest");
            case "LigneClientRetablie1" -> Set.of("referencePrestationPrise");
            default -> Set.of();
        };
    }

    /** Enum values whose spelling a decision corrected (0024). */
    private static String decidedSpelling(String value) {
        return "REF_INTERVOI_INCONNUE".equals(value) ? "REF_INTERV_OI_INCONNUE" : value;
    }

    private static Set<String> jsonProperties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getMethods()) {
            JsonProperty property = method.getAnnotation(JsonProperty.class);
            if (property != null && method.getParameterCount() == 0) {
                names.add(property.value());
            }
        }
        return names;
    }

    private static boolean enumAccepts(Class<?> type, String property, String value) throws Exception {
        for (Class<?> inner : type.getDeclaredClasses()) {
            if (inner.isEnum()) {
                for (Method getter : type.getMethods()) {
                    JsonProperty json = getter.getAnnotation(JsonProperty.class);
                    if (json != null && json.value().equals(property) && getter.getReturnType().equals(inner)) {
                        Object constant = inner.getMethod("fromValue", String.class).invoke(null, value);
                        return constant != null;
                    }
                }
            }
        }
        return false;
    }

    private static Map<String, Object> official(Side side) throws IOException {
        return Contracts.read(OPENAPI.resolve("official").resolve(side.official));
    }

    private static Map<String, Object> ours(Side side) throws IOException {
        return Contracts.read(OPENAPI.resolve(side.ours));
    }

    private static Map<String, Object> map(Object value) {
        return Contracts.map(value);
    }

    private static List<Object> list(Object value) {
        return Contracts.list(value);
    }

}
