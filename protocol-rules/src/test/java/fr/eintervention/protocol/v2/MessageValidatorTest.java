package fr.eintervention.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import fr.eintervention.model.v2.ClientImpacteOCParIntervention;
import fr.eintervention.protocol.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MessageValidatorTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final MessageValidator validator = new MessageValidator(mapper, new Timestamps(ZoneId.of("Europe/Paris")));

    private ObjectNode validate(Message message, String json) {
        return validator.validate(message, json.getBytes(StandardCharsets.UTF_8));
    }

    private Refusal refused(Message message, String json) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> validate(message, json));
        assertThat(refusal).as("refused: " + json).isNotNull();
        assertThat(message.errors()).as("a label the operation lists").contains(refusal.code());
        return refusal;
    }

    @ParameterizedTest
    @EnumSource(Message.class)
    void aValidMessageOfEachKindPassesAndBindsToItsGeneratedType(Message message) {
        ObjectNode valid = validate(message, Examples.ALL.get(message));
        assertThat(mapper.treeToValue(valid, message.type())).isNotNull();
    }

    @Test
    void timestampsAreRewrittenAsUtcInstantsAndReadAsInV1() {
        ObjectNode valid = validate(Message.M1, Examples.M1.replace("2026-11-24T09:15:00+01:00", "20261124 09:15:00"));
        assertThat(valid.get("dateDebutIntervention").asString()).isEqualTo("2026-11-24T08:15:00Z");
    }

    @Test
    void everyMissingFieldIsNamedFirstNestedOnesWithTheirPath() {
        String body = Examples.M1.replace("\"codeOI\":\"OI01\",", "").replace("\"refPM\":\"FI-35238-0001\",", "")
                .replace("\"nature\":\"20\"", "\"nature\":\"  \"").replace("\"refPBO\":\"PT000123\"", "\"refPBO\":12");
        Refusal refusal = refused(Message.M1, body);
        assertThat(refusal.code()).isEqualTo(ErrorCode.CHAMPS_NON_RENSEIGNE);
        assertThat(refusal.faults()).extracting(Fault::field)
                .containsExactlyInAnyOrder("codeOI", "nature", "pointMutualisation.refPM");
        assertThat(refusal.faults()).allMatch(fault -> fault.code() == ErrorCode.CHAMPS_NON_RENSEIGNE
                && fault.reason().equals(MessageValidator.MISSING));
        assertThat(refusal.description()).startsWith("champs manquants: ");
    }

    @Test
    void missingEntriesOfListsAreNamedWithTheirIndex() {
        Refusal refusal = refused(Message.M5TX, Examples.M5TX.replace("\"tube\":\"1\",\"nomModulePM\"", "\"nomModulePM\""));
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("clientHSOC[0].tube");
    }

    @Test
    void aRequiredListMayBeEmptyButNotAbsent() {
        validate(Message.M5TX, Examples.M5TX.replaceFirst("\"clientHSOC\":\\[.*?}],", "\"clientHSOC\":[],"));
        Refusal refusal = refused(Message.M6TX, Examples.M6TX.replace("\"ligneClientRetablie\":[]", "\"ligneClientRetablie\":null"));
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("ligneClientRetablie");
    }

    @Test
    void everyFormatFaultIsNamedOnce() {
        String body = Examples.M1.replace("\"OC01\"", "\"oc01\"").replace("\"DO-2026-0001\"", "\"DO 2026/1\"")
                .replace("\"ARMOIRE 3\"", "\"" + "x".repeat(51) + "\"").replace("\"PT000123\"", "\"" + "p".repeat(101) + "\"")
                .replace("\"FI-1234-5678\"", "\"\"");
        Refusal refusal = refused(Message.M1, body);
        assertThat(refusal.code()).isEqualTo(ErrorCode.MAUVAIS_FORMAT);
        assertThat(refusal.faults()).extracting(Fault::describe).containsExactlyInAnyOrder(
                "codeDO: 4 caracteres [0-9A-Z] attendus",
                "refIntervDO: caracteres [0-9A-Za-z_-] attendus",
                "pointMutualisation.refPMTechnique: 50 caracteres max",
                "refPBO: 100 caracteres max",
                "refPTO: 1 caractere(s) min");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "20", "21", "22", "4", "41", "5", "6", "60", "61"})
    void everyListedNatureIsAccepted(String nature) {
        validate(Message.M1, Examples.M1.replace("\"nature\":\"20\"", "\"nature\":\"" + nature + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "\"7\"", "20", "\"RACC\""})
    void anUnlistedNatureOrANumberIsAFormatFault(String nature) {
        Refusal refusal = refused(Message.M3, Examples.M3.replace("\"nature\":\"41\"", "\"nature\":" + nature));
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("nature");
    }

    @Test
    void elementReseauIsOneOfPboPmPtoOnBothSides() {
        refused(Message.M1, Examples.M1.replace("\"elementReseau\":\"PBO\"", "\"elementReseau\":\"PB\""));
        Refusal refusal = refused(Message.M2, Examples.M2.replace("\"elementReseau\":\"PBO\"", "\"elementReseau\":\"IMB\""));
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("elementReseau");
    }

    @Test
    void messageIsOneToFourCharactersWhateverItsValue() {
        validate(Message.M1, Examples.M1.replace("\"message\":\"M1\"", "\"message\":\"FLUX\""));
        Refusal refusal = refused(Message.M1, Examples.M1.replace("\"message\":\"M1\"", "\"message\":\"FLUX1\""));
        assertThat(refusal.faults()).extracting(Fault::describe).containsExactly("message: 4 caracteres max");
        assertThat(refused(Message.M1, Examples.M1.replace("\"message\":\"M1\",", "")).code())
                .isEqualTo(ErrorCode.CHAMPS_NON_RENSEIGNE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "\"2\"", "1.5"})
    void numeroTestIsAnIntegerFromOneToFive(String numero) {
        Refusal refusal = refused(Message.M4TX, Examples.M4TX.replace("\"numeroTest\":5", "\"numeroTest\":" + numero));
        assertThat(refusal.code()).isEqualTo(ErrorCode.MAUVAIS_FORMAT);
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("numeroTest");
    }

    @Test
    void nombreOcIsNotNegative() {
        Refusal refusal = refused(Message.M6TX, Examples.M6TX.replace("\"nombreOC\":2", "\"nombreOC\":-1"));
        assertThat(refusal.faults()).extracting(Fault::describe).containsExactly("nombreOC: 0 minimum");
    }

    @Test
    void aBooleanIsAJsonBoolean() {
        Refusal refusal = refused(Message.M5TX, Examples.M5TX.replace("\"testCloture\":false", "\"testCloture\":\"false\""));
        assertThat(refusal.faults()).extracting(Fault::describe).containsExactly("testCloture: true ou false attendu");
    }

    @Test
    void anObjectAListAndTheirEntriesHaveTheirShape() {
        Refusal refusal = refused(Message.M2, Examples.M2.replaceFirst("\"pointMutualisation\":\\{.*?},", "\"pointMutualisation\":\"FI-1\","));
        assertThat(refusal.faults()).extracting(Fault::describe).containsExactly("pointMutualisation: objet attendu");
        Refusal list = refused(Message.REPORT_OI, Examples.REPORT_OI.replace("\"lignesRetablies\":[]", "\"lignesRetablies\":{}"));
        assertThat(list.faults()).extracting(Fault::describe).containsExactly("lignesRetablies: tableau attendu");
        Refusal entry = refused(Message.REPORT_OI, Examples.REPORT_OI.replace("\"lignesRetablies\":[]", "\"lignesRetablies\":[\"FI-1\"]"));
        assertThat(entry.faults()).extracting(Fault::describe).containsExactly("lignesRetablies[0]: objet attendu");
    }

    @Test
    void aTimestampOutsideTheAcceptedFormsIsAFormatFault() {
        Refusal refusal = refused(Message.M3TX, Examples.M3TX.replace("2026-11-24T10:00:00Z", "24/11/2026 10:00"));
        assertThat(refusal.faults()).extracting(Fault::describe).containsExactly("dateTest: format ISO 8601 attendu");
    }

    @Test
    void anM1WithAnEndIsAFormatFaultButANullEndIsAnM1() {
        validate(Message.M1, Examples.M1.replace("\"dateDebutIntervention\"", "\"dateFinIntervention\":null,\"dateDebutIntervention\""));
        Refusal refusal = refused(Message.M1, Examples.M1.replace("\"dateDebutIntervention\"",
                "\"dateFinIntervention\":\"2026-11-24T11:00:00Z\",\"dateDebutIntervention\""));
        assertThat(refusal.code()).isEqualTo(ErrorCode.MAUVAIS_FORMAT);
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("dateFinIntervention");
    }

    @Test
    void anEndBeforeTheStartIsIncoherenceWhereTheOperationListsItElseMauvaisFormat() {
        String m3 = Examples.M3.replace("2026-11-24T11:40:00+01:00", "2026-11-24T08:00:00+01:00");
        assertThat(refused(Message.M3, m3).code()).isEqualTo(ErrorCode.MAUVAIS_FORMAT);
        Refusal m4 = refused(Message.M4, Examples.M4.replace("\"dateFinIntervention\":\"2026-11-24T11:40:00+01:00\"",
                "\"dateFinIntervention\":\"2026-11-24T08:00:00+01:00\""));
        assertThat(m4.code()).isEqualTo(ErrorCode.INCOHERENCE);
        assertThat(m4.faults()).extracting(Fault::describe)
                .containsExactly("dateFinIntervention: anterieure a dateDebutIntervention");
    }

    @Test
    void theColdTestDateDoesNotPrecedeTheEnd() {
        Refusal refusal = refused(Message.M4, Examples.M4.replace("2026-12-09T11:40:00+01:00", "2026-11-24T11:00:00+01:00"));
        assertThat(refusal.code()).isEqualTo(ErrorCode.INCOHERENCE);
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("dateTestFinFroid");
    }

    @Test
    void m2CarriesItsPmAndM4ItsEnd() {
        Refusal m2 = refused(Message.M2, Examples.M2.replaceFirst("\"pointMutualisation\":\\{.*?},", ""));
        assertThat(m2.faults()).extracting(Fault::field).containsExactly("pointMutualisation");
        Refusal m4 = refused(Message.M4, Examples.M4.replace("\"dateFinIntervention\":\"2026-11-24T11:40:00+01:00\",", ""));
        assertThat(m4.code()).isEqualTo(ErrorCode.CHAMPS_NON_RENSEIGNE);
        assertThat(m4.faults()).extracting(Fault::field).containsExactly("dateFinIntervention");
    }

    @Test
    void aReportLineNamesItsLine() {
        Refusal refusal = refused(Message.REPORT_DO, Examples.REPORT_DO.replace("{\"numeroSerieONT\":\"ALCL12345678\"}",
                "{\"numeroSerieONT\":\" \"}"));
        assertThat(refusal.code()).isEqualTo(ErrorCode.MAUVAIS_FORMAT);
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("lignesRetablies[0]");
        validate(Message.REPORT_OI, Examples.REPORT_OI.replace("\"lignesRetablies\":[]", "\"lignesRetablies\":[{\"refPTO\":\"FI-1\"}]"));
    }

    @Test
    void theReportsFreeTextsFollowEachSidesMinimumLength() {
        validate(Message.REPORT_DO, Examples.REPORT_DO.replace("\"retMessage\":\"coupure\"", "\"retMessage\":\"\""));
        Refusal refusal = refused(Message.REPORT_OI, Examples.REPORT_OI.replace("\"retMessage\":\"coupure\"", "\"retMessage\":\"\""));
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("lignesImpactees[0].retMessage");
    }

    @Test
    void nomModulePmIsReadInEitherSpellingAndRewrittenToTheContracts() {
        ObjectNode valid = validate(Message.M5TX, Examples.M5TX.replace("\"nomModulePm\":\"M01\"", "\"nomModulePM\":\"M01\""));
        assertThat(valid.get("ligneClientRetablie").get(0).has("nomModulePM")).isFalse();
        ClientImpacteOCParIntervention bound = mapper.treeToValue(valid, ClientImpacteOCParIntervention.class);
        assertThat(bound.getLigneClientRetablie().get(0).getNomModulePm()).isEqualTo("M01");
        validate(Message.M5TX, Examples.M5TX.replace("\"nomModulePm\":\"M01\"", "\"nomModulePm\":\"M01\",\"nomModulePM\":\"M01\""));
        Refusal refusal = refused(Message.M5TX, Examples.M5TX.replace("\"nomModulePm\":\"M01\"", "\"nomModulePm\":\"M01\",\"nomModulePM\":\"M02\""));
        assertThat(refusal.faults()).extracting(Fault::describe)
                .containsExactly("ligneClientRetablie[0].nomModulePm: differe de nomModulePM");
        Refusal missing = refused(Message.M5TX, Examples.M5TX.replace("\"nomModulePm\":\"M01\",", ""));
        assertThat(missing.faults()).extracting(Fault::field).containsExactly("ligneClientRetablie[0].nomModulePm");
    }

    @Test
    void m6txSpellsItNomModulePmCapitalOnly() {
        String body = Examples.M6TX.replace("\"ligneClientRetablie\":[]", """
                "ligneClientRetablie":[{"dateChangementEtat":"2026-11-24T09:50:00Z","fibre":"4","tube":"1","nomModulePm":"M01",
                  "positionModulePM":"P3","refPBO":"PT000123","refPTO":"FI-1234-9999"}]""");
        Refusal refusal = refused(Message.M6TX, body);
        assertThat(refusal.faults()).extracting(Fault::field).containsExactly("ligneClientRetablie[0].nomModulePM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "\"text\""})
    void aBodyThatIsNoObjectIsAFormatFaultAboutNoField(String body) {
        Refusal refusal = refused(Message.M2, body);
        assertThat(refusal.code()).isEqualTo(ErrorCode.MAUVAIS_FORMAT);
        assertThat(refusal.faults()).isEmpty();
        assertThat(refusal.body().errorParameters()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnored() {
        validate(Message.M2, Examples.M2.replace("\"codeOI\"", "\"autre\":1,\"codeOI\""));
    }
}
