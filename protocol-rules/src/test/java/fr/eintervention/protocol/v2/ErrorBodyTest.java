package fr.eintervention.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ErrorBodyTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void writesTheContractsNamesAndLeavesAbsentFieldsOut() {
        Refusal refusal = new Refusal(ErrorCode.CHAMPS_NON_RENSEIGNE,
                List.of(new Fault("codeOI", MessageValidator.MISSING, ErrorCode.CHAMPS_NON_RENSEIGNE),
                        new Fault("pointMutualisation.refPM", MessageValidator.MISSING, ErrorCode.CHAMPS_NON_RENSEIGNE)),
                "champs manquants: codeOI, pointMutualisation.refPM");
        assertThat(mapper.writeValueAsString(refusal.body())).isEqualTo("""
                {"error":"CHAMPS_NON_RENSEIGNE","error_description":"champs manquants: codeOI, pointMutualisation.refPM",\
                "error_parameters":["codeOI","pointMutualisation.refPM"]}""");
        assertThat(mapper.writeValueAsString(new Refusal(ErrorCode.MAUVAIS_FORMAT, "JSON illisible").body()))
                .isEqualTo("{\"error\":\"MAUVAIS_FORMAT\",\"error_description\":\"JSON illisible\"}");
    }

    @Test
    void cutsTheDescriptionTo256AndEachParameterTo64AndNamesAFieldOnce() {
        String longField = "clientHSOC[0]." + "x".repeat(80);
        Refusal refusal = new Refusal(ErrorCode.MAUVAIS_FORMAT,
                List.of(new Fault(longField, "a", ErrorCode.MAUVAIS_FORMAT), new Fault(longField, "b", ErrorCode.MAUVAIS_FORMAT)),
                "d".repeat(300));
        ErrorBody body = refusal.body();
        assertThat(body.errorDescription()).hasSize(256).endsWith("...");
        assertThat(body.errorParameters()).singleElement().satisfies(parameter -> assertThat(parameter).hasSize(64));
    }

    @Test
    void readsAPartnersBodyAndEitherSpellingOfTheUnknownOiReference() {
        ErrorBody body = mapper.readValue("{\"error\":\"REF_INTERVOI_INCONNUE\",\"error_uri\":\"https://x\"}", ErrorBody.class);
        assertThat(body.code()).isEqualTo(ErrorCode.REF_INTERV_OI_INCONNUE);
        assertThat(body.errorUri()).isEqualTo("https://x");
        assertThat(ErrorCode.read("ref interv oi inconnue")).isEqualTo(ErrorCode.REF_INTERV_OI_INCONNUE);
        assertThat(ErrorCode.read("INCOHERENCE")).isEqualTo(ErrorCode.INCOHERENCE);
        assertThat(ErrorCode.read("QUELQUE_CHOSE")).isNull();
        assertThat(ErrorCode.read(null)).isNull();
    }

    @Test
    void aFaultBetweenFieldsIsIncoherenceOnlyWhereTheOperationListsIt() {
        assertThat(Message.M4.incoherence()).isEqualTo(ErrorCode.INCOHERENCE);
        assertThat(Message.M3.incoherence()).isEqualTo(ErrorCode.MAUVAIS_FORMAT);
        assertThat(Message.M1.incoherence()).isEqualTo(ErrorCode.MAUVAIS_FORMAT);
    }

    @Test
    void aReceiverRefusesOnlyWithALabelItsOperationLists() {
        Refusal refusal = Message.M2.refuse(ErrorCode.PM_INCONNU, "pointMutualisation.refPM", "PM inconnu de l'OC: FI-1");
        assertThat(refusal.body().error()).isEqualTo("PM_INCONNU");
        assertThat(refusal.body().errorDescription()).isEqualTo("pointMutualisation.refPM: PM inconnu de l'OC: FI-1");
        assertThat(refusal.body().errorParameters()).containsExactly("pointMutualisation.refPM");
        assertThatThrownBy(
                () -> Message.REPORT_OI.refuse(ErrorCode.REF_INTERV_OI_INCONNUE, "refIntervOI", "inconnue"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
