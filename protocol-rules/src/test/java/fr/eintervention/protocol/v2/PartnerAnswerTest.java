package fr.eintervention.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PartnerAnswerTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private PartnerAnswer read(String json) {
        return PartnerAnswer.read(mapper.readTree(json)).orElseThrow();
    }

    @Test
    void codeZeroIsAccepted() {
        PartnerAnswer answer = read("{\"code\":0,\"refIntervOI\":\"OI01-1\"}");
        assertThat(answer.accepted()).isTrue();
        assertThat(answer.label()).isEqualTo("OK");
        assertThat(answer.errorCode()).isNull();
    }

    @Test
    void anErrorBodyIsARefusalWithItsLabelAndDescription() {
        PartnerAnswer answer = read("{\"error\":\"PM_INCONNU\",\"error_description\":\"PM inconnu: FI-1\",\"error_parameters\":[\"pointMutualisation.refPM\"]}");
        assertThat(answer.accepted()).isFalse();
        assertThat(answer.errorCode()).isEqualTo(ErrorCode.PM_INCONNU);
        assertThat(answer.description()).isEqualTo("PM inconnu: FI-1");
        assertThat(answer.code()).isNull();
    }

    @Test
    void theOfficialTypoIsReadAsTheUnknownOiReference() {
        assertThat(read("{\"error\":\"REF_INTERVOI_INCONNUE\"}").label()).isEqualTo("REF_INTERV_OI_INCONNUE");
    }

    @Test
    void anUnknownLabelIsKeptAsWrittenAndIsStillARefusal() {
        PartnerAnswer answer = read("{\"error\":\"QUOTA_DEPASSE\"}");
        assertThat(answer.accepted()).isFalse();
        assertThat(answer.label()).isEqualTo("QUOTA_DEPASSE");
        assertThat(answer.errorCode()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"1,CHAMPS_NON_RENSEIGNE", "2,MAUVAIS_FORMAT", "3,CODE_OI_INCONNU", "4,PM_INCONNU", "9,code 9"})
    void aNonZeroCodeInA200IsARefusalWithV1sLabelOfThatNumber(int code, String label) {
        PartnerAnswer answer = read("{\"code\":" + code + ",\"description\":\"non\"}");
        assertThat(answer.accepted()).isFalse();
        assertThat(answer.label()).isEqualTo(label);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.description()).isEqualTo("non");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"OK\"", "{}", "{\"code\":\"0\"}", "{\"error\":\" \"}", "{\"Code_Reponse\":0}"})
    void aBodyThatIsNoV2AnswerIsNone(String json) {
        assertThat(PartnerAnswer.read(mapper.readTree(json))).isEmpty();
        assertThat(PartnerAnswer.read(null)).isEmpty();
    }
}
