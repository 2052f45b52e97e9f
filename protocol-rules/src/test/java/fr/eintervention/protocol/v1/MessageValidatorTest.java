package fr.eintervention.protocol.v1;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.Timestamps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MessageValidatorTest {

    private final MessageValidator validator = new MessageValidator(JsonMapper.builder().build(),
            new Timestamps(ZoneId.of("Europe/Paris")));

    static final String M1 = """
            {"Code_DO":"OC01","Code_OI":"OI01","Ref_Interv_DO":"FI-12345-6789","PM":"FI-35238-0001",
             "Nature_PBO_PTO":[{"nature":1,"PBO":"PT000123","PTO":"FI-1234-5678"}],
             "Debut_Inter":"20261124 09:15:00"}""";

    private ObjectNode validate(ProtocolMessage message, String json) {
        return validator.validate(message, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void normalisesTimestampsToInstants() {
        ObjectNode valid = validate(ProtocolMessage.INTERVENTION_DO, M1);
        assertThat(valid.get("Debut_Inter").asString()).isEqualTo("2026-11-24T08:15:00Z");
    }

    @Test
    void missingFieldsComeBeforeFormatErrorsAndAreAllNamed() {
        String body = M1.replace("\"PM\":\"FI-35238-0001\",", "").replace("\"Code_OI\":\"OI01\"", "\"Code_OI\":\"  \"")
                .replace("\"nature\":1", "\"nature\":\"abc\"");
        assertThatThrownBy(() -> validate(ProtocolMessage.INTERVENTION_DO, body))
                .isInstanceOfSatisfying(ProtocolViolation.class, violation -> {
                    assertThat(violation.answer()).isEqualTo(Answer.CHAMPS_NON_RENSEIGNE);
                    assertThat(violation.description()).isEqualTo("champs manquants: Code_OI, PM");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "broken JSON | {\"Code_DO\": | JSON illisible",
            "array | [1,2] | objet JSON attendu",
            "number code | CODE_DO=42 | Code_DO: texte attendu",
            "lower-case code | CODE_DO=\"oc01\" | Code_DO: 4 caracteres [0-9A-Z] attendus",
            "long code | CODE_DO=\"OC011\" | Code_DO: 4 caracteres max",
            "space in reference | REF=\"FI 1\" | Ref_Interv_DO: caracteres [0-9A-Za-z_-] attendus",
            "long reference | REF=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\" | Ref_Interv_DO: 50 caracteres max",
            "textual nature | NATURE=\"1\" | Nature_PBO_PTO[0].nature: 1, 2, 3 ou 4 attendu",
            "unknown nature | NATURE=5 | Nature_PBO_PTO[0].nature: 1, 2, 3 ou 4 attendu",
            "nature 3 in M1 | NATURE=3 | Nature_PBO_PTO[0].nature: 3 (AUCUNE ACTION) reservee a M3",
            "impossible date | DEBUT=\"2026-02-30T10:00:00Z\" | Debut_Inter: format ISO 8601 attendu",
            "fin before debut | FIN=\"2026-11-24T08:00:00+01:00\" | Fin_Inter: anterieure a Debut_Inter",
            "natures not an array | NATURES={} | Nature_PBO_PTO: tableau attendu"
    })
    void formatErrors(String name, String change, String expected) {
        String body = change.startsWith("{") || change.startsWith("[") ? change : applyChange(change);
        assertThatThrownBy(() -> validate(ProtocolMessage.INTERVENTION_DO, body))
                .isInstanceOfSatisfying(ProtocolViolation.class, violation -> {
                    assertThat(violation.answer()).isEqualTo(Answer.MAUVAIS_FORMAT);
                    assertThat(violation.description()).isEqualTo(expected);
                });
    }

    private static String applyChange(String change) {
        String key = change.substring(0, change.indexOf('='));
        String value = change.substring(change.indexOf('=') + 1);
        return switch (key) {
            case "CODE_DO" -> M1.replace("\"Code_DO\":\"OC01\"", "\"Code_DO\":" + value);
            case "REF" -> M1.replace("\"Ref_Interv_DO\":\"FI-12345-6789\"", "\"Ref_Interv_DO\":" + value);
            case "NATURE" -> M1.replace("\"nature\":1", "\"nature\":" + value);
            case "DEBUT" -> M1.replace("\"Debut_Inter\":\"20261124 09:15:00\"", "\"Debut_Inter\":" + value);
            case "FIN" -> M1.replace("}]", "}],\"Fin_Inter\":" + value + ",").replace(",,", ",").replace(",\n", ",");
            case "NATURES" -> M1.replace("[{\"nature\":1,\"PBO\":\"PT000123\",\"PTO\":\"FI-1234-5678\"}]", value);
            default -> throw new IllegalArgumentException(key);
        };
    }

    @Test
    void descriptionNeverExceedsTheContractLimit() {
        String body = "{\"Code_DO\":1,\"Code_OI\":2,\"Ref_Interv_DO\":3,\"PM\":4,\"Nature_PBO_PTO\":[5],\"Debut_Inter\":6}";
        assertThatThrownBy(() -> validate(ProtocolMessage.INTERVENTION_DO, body))
                .isInstanceOfSatisfying(ProtocolViolation.class,
                        violation -> {
                            // every field at fault is told as data; the sentence is cut only on the wire
                            assertThat(violation.faults()).extracting(Fault::field).containsExactly(
                                    "Code_DO", "Code_OI", "Ref_Interv_DO", "PM", "Nature_PBO_PTO[0]", "Debut_Inter");
                            assertThat(Answer.fit(violation.description())).hasSizeLessThanOrEqualTo(100);
                        });
    }

    @Test
    void m5WithoutClientsIsValidAndEachClientFieldIsChecked() {
        validate(ProtocolMessage.CLIENTS_HS, "{\"Code_OC_impacte\":\"OC01\",\"Ref_Interv_OI\":\"OI01-20261124-AAAA\"}");
        assertThatThrownBy(() -> validate(ProtocolMessage.CLIENTS_HS, """
                {"Code_OC_impacte":"OC01","Ref_Interv_OI":"R1","Liste_Clients_HS":[
                 {"PTO":"P","PBO":"inconnu","Tube":"inconnu","Fibre":"inconnu","Position_PM_Module_OI":"inconnu"}]}"""))
                .isInstanceOfSatisfying(ProtocolViolation.class, violation -> {
                    assertThat(violation.answer()).isEqualTo(Answer.CHAMPS_NON_RENSEIGNE);
                    assertThat(violation.description()).isEqualTo("champs manquants: Liste_Clients_HS[0].HMS_Coupure");
                });
    }

    @Test
    void readsAnswersByLabelFirst() {
        assertThat(Answer.read("PM_INCONNU", 3)).isEqualTo(Answer.PM_INCONNU);
        assertThat(Answer.read(null, 4)).isEqualTo(Answer.PM_INCONNU);
        assertThat(Answer.read("OK", 0)).isEqualTo(Answer.OK);
    }
}
