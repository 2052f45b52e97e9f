package fr.eintervention.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v1.NaturePBOPTO;
import fr.eintervention.model.v1.NaturePBOPTO.NatureEnum;
import fr.eintervention.model.v1.PBO;
import fr.eintervention.model.v2.CompteRenduInterventionOI;
import fr.eintervention.model.v2.CreerInterventionDO;
import fr.eintervention.model.v2.CreerInterventionOI;
import fr.eintervention.model.v2.ModifierInterventionDO;
import fr.eintervention.model.v2.ModifierInterventionOI;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

class VersionMappingTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-24T09:15:00+01:00");
    private static final OffsetDateTime END = OffsetDateTime.parse("2026-11-24T11:40:00+01:00");
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final MessageValidator validator = new MessageValidator(mapper, new Timestamps(ZoneId.of("Europe/Paris")));

    private static InterventionDO v1Declaration(String codeDO, NaturePBOPTO... entries) {
        return new InterventionDO().codeDO(codeDO).codeOI("OI01").refIntervDO("DO-1").PM("FI-35238-0001")
                .naturePBOPTO(List.of(entries)).debutInter(START);
    }

    private static NaturePBOPTO entry(int nature, String pbo, String pto) {
        return new NaturePBOPTO(NatureEnum.fromValue(nature)).PBO(pbo).PTO(pto);
    }

    private static InterventionOI v1Relay(String... pbos) {
        return new InterventionOI().codeOI("OI01").refIntervOI("OI01-20261124-7K2M9QXA").PM("FI-35238-0001")
                .PBO(Arrays.stream(pbos).map(pbo -> new PBO().PBO(pbo)).toList()).debutInter(START);
    }

    /** What we send is what our own v2 validation accepts. */
    private void valid(Message message, Object mapped) {
        validator.validate(message, mapper.writeValueAsString(mapped).getBytes(StandardCharsets.UTF_8));
    }

    private <T> T read(String json, Class<T> type) {
        return mapper.treeToValue(validator.validate(Message.forType(type), json.getBytes(StandardCharsets.UTF_8)), type);
    }

    // v1 -> v2

    @Test
    void aV1M1WithOneSavEntryIsLosslessAndSavOcOrSavOiByWhoTheDoIs() {
        Mapped<CreerInterventionDO> byAnOc = V1ToV2.m1(v1Declaration("OC01", entry(2, "PT000123", "FI-1234-5678")));
        assertThat(byAnOc.isLossless()).isTrue();
        CreerInterventionDO m1 = byAnOc.message();
        assertThat(m1.getNature().getValue()).isEqualTo("4");
        assertThat(m1.getMessage()).isEqualTo("M1");
        assertThat(m1.getPointMutualisation().getRefPM()).isEqualTo("FI-35238-0001");
        assertThat(m1.getPointMutualisation().getRefPMTechnique()).isEqualTo("FI-35238-0001");
        assertThat(m1.getRefPBO()).isEqualTo("PT000123");
        assertThat(m1.getRefPTO()).isEqualTo("FI-1234-5678");
        assertThat(m1.getElementReseau().getValue()).isEqualTo("PTO");
        assertThat(m1.getDateDebutIntervention()).isEqualTo(START);
        valid(Message.M1, m1);
        assertThat(V1ToV2.m1(v1Declaration("OI01", entry(2, null, null))).message().getNature().getValue()).isEqualTo("5");
    }

    @Test
    void aV1M1WithSeveralEntriesSendsTheFirstAndRecordsWhatTheOthersAdd() {
        Mapped<CreerInterventionDO> mapped = V1ToV2.m1(v1Declaration("OC01",
                entry(2, "PT000123", "FI-1"), entry(2, "PT000123", "FI-2"), entry(4, "PT000999", null), entry(2, "PT000123", "FI-1")));
        assertThat(mapped.message().getRefPTO()).isEqualTo("FI-1");
        assertThat(mapped.losses()).extracting(Loss::field, Loss::value).containsExactly(
                tuple("Nature_PBO_PTO[1]", "PTO FI-2"),
                tuple("Nature_PBO_PTO[2]", "nature 4, PBO PT000999"));
        assertThat(mapped.losses()).allMatch(loss -> loss.reason().equals(V1ToV2.ONE_ENTRY));
        valid(Message.M1, mapped.message());
    }

    @Test
    void raccAndAucuneActionHaveNoV2TwinAndAreSentNonFournieWithALoss() {
        Mapped<CreerInterventionDO> racc = V1ToV2.m1(v1Declaration("OC01", entry(1, "PT000123", null)));
        assertThat(racc.message().getNature().getValue()).isEqualTo("6");
        assertThat(racc.losses()).singleElement().satisfies(loss -> {
            assertThat(loss.field()).isEqualTo("Nature_PBO_PTO[0].nature");
            assertThat(loss.value()).isEqualTo("1 RACC");
        });
        Mapped<ModifierInterventionDO> none = V1ToV2.m3(v1Declaration("OC01", entry(3, null, null)).finInter(END));
        assertThat(none.message().getNature().getValue()).isEqualTo("6");
        assertThat(none.losses()).extracting(Loss::value).containsExactly("3 AUCUNE ACTION");
        assertThat(V1ToV2.m1(v1Declaration("OC01", entry(4, null, null))).isLossless()).isTrue();
    }

    @Test
    void aV1M3IsAV2M3WithItsEndAndAnElementReseau() {
        Mapped<ModifierInterventionDO> mapped = V1ToV2.m3(v1Declaration("OC01", entry(4, null, null)).finInter(END));
        ModifierInterventionDO m3 = mapped.message();
        assertThat(m3.getMessage()).isEqualTo("M3");
        assertThat(m3.getDateFinIntervention()).isEqualTo(END);
        assertThat(m3.getDateDebutIntervention().toInstant()).isEqualTo(START.toInstant());
        assertThat(m3.getElementReseau().getValue()).isEqualTo("PM");
        assertThat(m3.getCodeDO()).isEqualTo("OC01");
        valid(Message.M3, m3);
    }

    @Test
    void m1AndM3AreNotMistakenForEachOther() {
        assertThatThrownBy(() -> V1ToV2.m1(v1Declaration("OC01", entry(4, null, null)).finInter(END)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> V1ToV2.m3(v1Declaration("OC01", entry(4, null, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> V1ToV2.m2(v1Relay().finInter(END))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> V1ToV2.m4(v1Relay(), V1ToV2.COLD_TEST_DELAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aV1M2WithOnePboIsLossless() {
        Mapped<CreerInterventionOI> mapped = V1ToV2.m2(v1Relay("PT000123"));
        assertThat(mapped.isLossless()).isTrue();
        CreerInterventionOI m2 = mapped.message();
        assertThat(m2.getRefPBO()).isEqualTo("PT000123");
        assertThat(m2.getElementReseau().getValue()).isEqualTo("PBO");
        assertThat(m2.getDescription()).isNull();
        assertThat(m2.getMessage()).isEqualTo("M2");
        valid(Message.M2, m2);
    }

    @Test
    void aV1M2WithoutPboSendsInconnuAndThePm() {
        Mapped<CreerInterventionOI> mapped = V1ToV2.m2(v1Relay());
        assertThat(mapped.isLossless()).isTrue();
        assertThat(mapped.message().getRefPBO()).isEqualTo(V1ToV2.UNKNOWN_PBO);
        assertThat(mapped.message().getElementReseau().getValue()).isEqualTo("PM");
        valid(Message.M2, mapped.message());
    }

    @Test
    void aV1M2WithSeveralPbosSendsTheFirstNamesAllInDescriptionAndRecordsTheOthers() {
        Mapped<CreerInterventionOI> mapped = V1ToV2.m2(v1Relay("PT000123", "PT000124", "PT000123", " "));
        assertThat(mapped.message().getRefPBO()).isEqualTo("PT000123");
        assertThat(mapped.message().getDescription()).isEqualTo("PBO: PT000123, PT000124");
        assertThat(mapped.losses()).singleElement().satisfies(loss -> {
            assertThat(loss.field()).isEqualTo("PBO[1]");
            assertThat(loss.value()).isEqualTo("PT000124");
            assertThat(loss.reason()).endsWith("nomme dans description");
        });
        valid(Message.M2, mapped.message());
    }

    @Test
    void pbosThatDoNotFitTheDescriptionAreSaidAbsent() {
        String[] pbos = IntStream.range(0, 12).mapToObj(i -> "PBO-" + "9".repeat(20) + i).toArray(String[]::new);
        Mapped<CreerInterventionOI> mapped = V1ToV2.m2(v1Relay(pbos));
        assertThat(mapped.message().getDescription()).hasSizeLessThanOrEqualTo(200);
        assertThat(mapped.losses()).hasSize(11);
        assertThat(mapped.losses().get(10).reason()).endsWith("absent du message");
        valid(Message.M2, mapped.message());
    }

    @Test
    void aV1M4IsAV2M4WithItsEndTheColdCheckAndItsPbosInDescription() {
        Mapped<ModifierInterventionOI> mapped = V1ToV2.m4(v1Relay("PT000123").finInter(END), V1ToV2.COLD_TEST_DELAY);
        ModifierInterventionOI m4 = mapped.message();
        assertThat(mapped.isLossless()).isTrue();
        assertThat(m4.getDateFinIntervention()).isEqualTo(END);
        assertThat(m4.getDateTestFinFroid()).isEqualTo(END.plus(Duration.ofDays(15)));
        assertThat(m4.getDescription()).isEqualTo("PBO: PT000123");
        assertThat(m4.getPointMutualisation().getRefPMTechnique()).isEqualTo("FI-35238-0001");
        valid(Message.M4, m4);
        Mapped<ModifierInterventionOI> several = V1ToV2.m4(v1Relay("PT000123", "PT000124").finInter(END), Duration.ofDays(1));
        assertThat(several.losses()).extracting(Loss::value).containsExactly("PT000124");
        assertThat(V1ToV2.m4(v1Relay().finInter(END), Duration.ZERO).message().getDescription()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void everyV1AnswerHasItsV2LabelAndBack(Answer answer) {
        ErrorCode code = V1ToV2.errorCode(answer);
        if (answer.isOk()) {
            assertThat(code).isNull();
        } else {
            assertThat(code.name()).isEqualTo(answer.name());
            assertThat(V2ToV1.answer(code)).isEqualTo(answer);
        }
    }

    // v2 -> v1

    @Test
    void aV2M1WithADocumentedSavIsLosslessInV1() {
        CreerInterventionDO m1 = read(Examples.M1, CreerInterventionDO.class).nature(CreerInterventionDO.NatureEnum._4)
                .referencePrestationPrise(null).elementReseau(CreerInterventionDO.ElementReseauEnum.PTO);
        m1.getPointMutualisation().refPMTechnique("FI-35238-0001");
        Mapped<InterventionDO> mapped = V2ToV1.m1(m1);
        assertThat(mapped.losses()).isEmpty();
        InterventionDO v1 = mapped.message();
        assertThat(v1.getPM()).isEqualTo("FI-35238-0001");
        assertThat(v1.getNaturePBOPTO()).singleElement().satisfies(entry -> {
            assertThat(entry.getNature().getValue()).isEqualTo(2);
            assertThat(entry.getPBO()).isEqualTo("PT000123");
            assertThat(entry.getPTO()).isEqualTo("FI-1234-5678");
        });
        assertThat(v1.getFinInter()).isNull();
        assertThat(v1.getDebutInter().toInstant()).isEqualTo(START.toInstant());
    }

    @ParameterizedTest
    @CsvSource({"1,1,true", "2,1,true", "20,1,true", "21,1,true", "22,1,true", "4,2,false", "41,2,true", "5,2,true",
            "6,4,false", "60,4,true", "61,4,true"})
    void everyV2NatureHasItsV1NatureAndThePrecisionV1CannotSayIsLost(String v2, int v1, boolean lost) {
        CreerInterventionDO m1 = read(Examples.M1, CreerInterventionDO.class).nature(CreerInterventionDO.NatureEnum.fromValue(v2))
                .referencePrestationPrise(null);
        m1.getPointMutualisation().refPMTechnique("FI-35238-0001");
        Mapped<InterventionDO> mapped = V2ToV1.m1(m1);
        assertThat(mapped.message().getNaturePBOPTO().get(0).getNature().getValue()).isEqualTo(v1);
        assertThat(mapped.losses().stream().anyMatch(loss -> loss.field().equals("nature"))).isEqualTo(lost);
    }

    @Test
    void whatV1CannotCarryOfAV2M1IsRecorded() {
        CreerInterventionDO m1 = read(Examples.M1, CreerInterventionDO.class).elementReseau(CreerInterventionDO.ElementReseauEnum.PBO);
        Mapped<InterventionDO> mapped = V2ToV1.m1(m1);
        assertThat(mapped.losses()).extracting(Loss::field).containsExactlyInAnyOrder(
                "pointMutualisation.refPMTechnique", "nature", "elementReseau", "referencePrestationPrise");
        assertThat(mapped.losses()).filteredOn(loss -> loss.field().equals("nature"))
                .singleElement().satisfies(loss -> assertThat(loss.describe()).isEqualTo(
                        "nature = 20 RACC PTO existante (precision 20): v1 n'a que RACC, SAV, NON FOURNIE: envoye 1 RACC"));
    }

    @Test
    void aV2M3IsAV1M3() {
        Mapped<InterventionDO> mapped = V2ToV1.m3(read(Examples.M3, ModifierInterventionDO.class));
        assertThat(mapped.message().getFinInter().toInstant()).isEqualTo(END.toInstant());
        assertThat(mapped.message().getNaturePBOPTO().get(0).getNature().getValue()).isEqualTo(2);
        assertThat(mapped.message().getNaturePBOPTO().get(0).getPBO()).isNull();
        assertThat(mapped.losses()).extracting(Loss::field).contains("nature", "pointMutualisation.refPMTechnique");
    }

    @Test
    void aV2M2IsAV1M2AndOurInconnuIsNoPbo() {
        Mapped<InterventionOI> mapped = V2ToV1.m2(read(Examples.M2, CreerInterventionOI.class));
        assertThat(mapped.isLossless()).isTrue();
        InterventionOI m2 = mapped.message();
        assertThat(m2.getPM()).isEqualTo("FI-35238-0001");
        assertThat(m2.getPBO()).extracting(PBO::getPBO).containsExactly("PT000123");
        assertThat(m2.getFinInter()).isNull();
        Mapped<InterventionOI> none = V2ToV1.m2(V1ToV2.m2(v1Relay()).message());
        assertThat(none.isLossless()).isTrue();
        assertThat(none.message().getPBO()).isEmpty();
    }

    @Test
    void whatV1CannotCarryOfAV2M2IsRecorded() {
        CreerInterventionOI m2 = read(Examples.M2, CreerInterventionOI.class).description("acces par la cour")
                .elementReseau(CreerInterventionOI.ElementReseauEnum.PTO);
        m2.getPointMutualisation().refPMTechnique("ARMOIRE 3");
        assertThat(V2ToV1.m2(m2).losses()).extracting(Loss::field)
                .containsExactlyInAnyOrder("pointMutualisation.refPMTechnique", "elementReseau", "description");
    }

    @Test
    void aV2M4IsAV1M4WithTheInterventionsPbosAndTheColdCheckLost() {
        Mapped<InterventionOI> mapped = V2ToV1.m4(read(Examples.M4, ModifierInterventionOI.class), List.of("PT000123"));
        assertThat(mapped.message().getFinInter().toInstant()).isEqualTo(END.toInstant());
        assertThat(mapped.message().getPBO()).extracting(PBO::getPBO).containsExactly("PT000123");
        assertThat(mapped.losses()).extracting(Loss::field).containsExactly("dateTestFinFroid");
    }

    @Test
    void aV2ReportToAV1OcSendsNothingAndRecordsEveryLine() {
        CompteRenduInterventionOI report = read(Examples.REPORT_OI.replace("\"lignesRetablies\":[]",
                "\"lignesRetablies\":[{\"refPTO\":\"FI-1\",\"numeroSerieONT\":\"ALCL1\"}]"), CompteRenduInterventionOI.class);
        Mapped<Void> mapped = V2ToV1.report(report);
        assertThat(mapped.isSent()).isFalse();
        assertThat(mapped.losses()).extracting(Loss::field, Loss::value).containsExactly(
                tuple("compte-rendu", "OI01-20261124-7K2M9QXA"),
                tuple("lignesImpactees[0]", "prestation PRS-1"),
                tuple("lignesRetablies[0]", "PTO FI-1, ONT ALCL1"));
        assertThat(mapped.losses()).allMatch(loss -> loss.reason().equals(V2ToV1.NO_REPORT));
        assertThat(V2ToV1.report(new CompteRenduInterventionOI().codeOI("OI01").refIntervOI("R1").message("CR")).losses()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"INCOHERENCE,MAUVAIS_FORMAT", "REF_INTERV_INCONNUE,REF_INTERV_OI_INCONNUE", "M3TX_NON_DEMANDE,MAUVAIS_FORMAT",
            "TEST_PRECEDENT_DEJA_EMIS,MAUVAIS_FORMAT", "TEST_PRECEDENT_NON_ACQUITTE,MAUVAIS_FORMAT", "TEST_NON_REALISE,MAUVAIS_FORMAT",
            "DELAI_NON_RESPECTE,MAUVAIS_FORMAT", "ERREUR_ITERATION,MAUVAIS_FORMAT"})
    void v2OnlyLabelsHaveTheirNearestV1Answer(ErrorCode code, Answer answer) {
        assertThat(V2ToV1.answer(code)).isEqualTo(answer);
    }

    @Test
    void aRoundTripV1ToV2ToV1KeepsASavDeclaration() {
        InterventionDO v1 = v1Declaration("OC01", entry(2, "PT000123", "FI-1234-5678")).finInter(END);
        Mapped<InterventionDO> back = V2ToV1.m3(V1ToV2.m3(v1).message());
        assertThat(back.isLossless()).isTrue();
        assertThat(back.message().getNaturePBOPTO()).isEqualTo(v1.getNaturePBOPTO());
        assertThat(back.message().getDebutInter().toInstant()).isEqualTo(START.toInstant());
    }

    @Test
    void theNaturesLabelsAndDocumentation() {
        assertThat(Nature.of("41")).isEqualTo(Nature.SAV_OC_41);
        assertThat(Nature.of("3")).isNull();
        assertThat(Nature.SAV_OC_41.isDocumented()).isFalse();
        assertThat(Nature.SAV_OI.isDocumented()).isTrue();
        assertThat(List.of(Nature.values())).extracting(Nature::code).containsExactlyInAnyOrder(Schemas.NATURES);
    }
}
