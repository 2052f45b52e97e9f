package fr.eintervention.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.eintervention.protocol.v2.MessageSchema.Field;
import fr.eintervention.protocol.v2.MessageSchema.Kind;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The validation's schemas and labels against our v2 contracts: every field of every request, its
 * kind, whether it is required, its bounds, pattern and values, and each operation's refusal labels.
 */
class MessageTest {

    private static final Map<String, Object> DO = read("e-intervention-v2-do.yaml");
    private static final Map<String, Object> OI = read("e-intervention-v2-oi.yaml");

    @Test
    void everySchemaIsTheContractsFieldByField() {
        for (Message message : Message.values()) {
            Map<String, Object> contract = contractOf(message);
            String name = message.type().getSimpleName();
            compare(message.schema(), schema(contract, name), contract, message + " " + name);
        }
    }

    @Test
    void everyOperationRefusesWithTheLabelsItsContractLists() {
        for (Message message : Message.values()) {
            Map<String, Object> contract = contractOf(message);
            String refusal = refusalSchema(contract, message.type().getSimpleName());
            Map<String, Object> error = map(map(schema(contract, refusal).get("properties")).get("error"));
            Set<String> labels = message.errors().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
            assertThat(labels).as(message.name()).isEqualTo(new TreeSet<>(strings(error.get("enum"))));
        }
    }

    @Test
    void everyContractRequestIsAMessage() {
        for (Map<String, Object> contract : List.of(DO, OI)) {
            for (Object path : map(contract.get("paths")).values()) {
                for (Object operation : map(path).values()) {
                    String name = ref(map(map(map(map(operation).get("requestBody")).get("content"))
                            .get("application/json")).get("schema"));
                    assertThat(List.of(Message.values())).as(name)
                            .anyMatch(message -> message.type().getSimpleName().equals(name));
                }
            }
        }
    }

    @Test
    void theFluxNamesFitTheContractsFourCharacters() {
        for (Message message : Message.values()) {
            assertThat(message.flux()).hasSizeBetween(1, 4);
            assertThat(Message.forType(message.type())).isEqualTo(message);
        }
    }

    private static void compare(MessageSchema ours, Map<String, Object> theirs, Map<String, Object> contract, String where) {
        Map<String, Object> properties = map(theirs.get("properties"));
        assertThat(ours.fields().stream().map(Field::name).toList()).as(where)
                .containsExactlyInAnyOrderElementsOf(properties.keySet());
        List<String> required = strings(theirs.get("required"));
        for (Field field : ours.fields()) {
            String at = where + "." + field.name();
            Map<String, Object> property = map(properties.get(field.name()));
            assertThat(field.required()).as(at + " required").isEqualTo(required.contains(field.name()));
            switch (field.kind()) {
                case TEXT -> {
                    assertThat(property.get("type")).as(at).isEqualTo("string");
                    if (field.pattern() != null) {
                        assertThat(property.get("pattern")).as(at).isEqualTo("^" + field.pattern().pattern() + "$");
                    } else {
                        assertThat(field.min()).as(at + " minLength").isEqualTo(property.getOrDefault("minLength", 0));
                        assertThat(field.max()).as(at + " maxLength").isEqualTo(property.getOrDefault("maxLength", MessageSchema.UNBOUNDED));
                    }
                }
                case TIMESTAMP -> assertThat(property.get("format")).as(at).isEqualTo("date-time");
                case CHOICE -> assertThat(field.choices()).as(at).containsExactlyInAnyOrderElementsOf(strings(property.get("enum")));
                case INTEGER -> {
                    assertThat(property.get("type")).as(at).isEqualTo("integer");
                    assertThat(field.min()).as(at + " minimum").isEqualTo(property.getOrDefault("minimum", 0));
                    assertThat(field.max()).as(at + " maximum").isEqualTo(property.getOrDefault("maximum", MessageSchema.UNBOUNDED));
                }
                case BOOLEAN -> assertThat(property.get("type")).as(at).isEqualTo("boolean");
                case OBJECT -> compare(field.nested(), schema(contract, ref(property)), contract, at);
                case LIST -> {
                    assertThat(property.get("type")).as(at).isEqualTo("array");
                    compare(field.nested(), schema(contract, ref(map(property.get("items")))), contract, at + "[]");
                }
            }
            if (field.kind() != Kind.TEXT) {
                assertThat(field.alias()).as(at).isNull();
            }
        }
    }

    private static Map<String, Object> contractOf(Message message) {
        return message.ordinal() <= Message.M3TX.ordinal() ? DO : OI;
    }

    private static String refusalSchema(Map<String, Object> contract, String request) {
        for (Object path : map(contract.get("paths")).values()) {
            for (Object operation : map(path).values()) {
                Map<String, Object> op = map(operation);
                String ref = ref(map(map(map(op.get("requestBody")).get("content")).get("application/json")).get("schema"));
                if (ref.equals(request)) {
                    return ref(map(map(map(map(op.get("responses")).get("400")).get("content")).get("application/json")).get("schema"));
                }
            }
        }
        throw new AssertionError("no operation takes " + request);
    }

    private static String ref(Object schema) {
        String ref = (String) map(schema).get("$ref");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Map<String, Object> schema(Map<String, Object> contract, String name) {
        Map<String, Object> schema = map(map(map(contract.get("components")).get("schemas")).get(name));
        assertThat(schema).as(name).isNotEmpty();
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> read(String file) {
        try {
            return new Yaml().load(Files.readString(Path.of("..", "openapi", file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
