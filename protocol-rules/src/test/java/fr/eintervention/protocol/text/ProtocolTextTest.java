package fr.eintervention.protocol.text;

import fr.eintervention.protocol.Fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProtocolTextTest {

    private static Optional<Fault> json(String body) {
        return ProtocolText.checkBody(body.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void acceptsOrdinaryTextWithAccentsTabsAndNewLines() {
        assertThat(json("{\"PBO\":\"Rue de l'Église\\tnº 3\\n\",\"Tube\":\"\uD83D\uDE00\"}")).isEmpty();
        assertThat(ProtocolText.checkBody("PM;PTO\r\nFI-1;é\r\n".getBytes(StandardCharsets.UTF_8), false)).isEmpty();
    }

    @Test
    void namesTheJsonFieldThatHoldsNulALoneSurrogateOrANoncharacter() {
        assertThat(json("{\"Nature_PBO_PTO\":[{\"nature\":1,\"PBO\":\"a\\u0000b\"}]}"))
                .contains(new Fault("Nature_PBO_PTO[0].PBO", "character U+0000 not allowed at character 2"));
        assertThat(json("{\"PM\":\"\\ud800\"}")).get().extracting(Fault::field).isEqualTo("PM");
        assertThat(json("[{\"Tube\":\"\uDBFF\uDFFF\"}]")).get().extracting(Fault::field).isEqualTo("[0].Tube");
        assertThat(json("{\"zz\\u0000\":1}")).get().extracting(Fault::reason).asString().startsWith("property name");
    }

    @Test
    void refusesBomUtf16OverlongAndInvalidUtf8() {
        byte[] m1 = "{\"PM\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[m1.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(m1, 0, bom, 3, m1.length);
        assertThat(ProtocolText.checkBody(bom, true)).get().extracting(Fault::reason).asString().contains("byte-order mark");
        assertThat(ProtocolText.checkBody("{\"PM\":\"x\"}".getBytes(StandardCharsets.UTF_16), true)).isPresent();
        assertThat(ProtocolText.checkBody("{\"PM\":\"x\"}".getBytes(StandardCharsets.UTF_16LE), true)).isPresent();
        assertThat(ProtocolText.checkBody(new byte[] {'"', (byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAF, '"'}, true))
                .get().extracting(Fault::reason).asString().contains("overlong");
        assertThat(ProtocolText.checkBody(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, true)).isPresent();
    }

    @Test
    void decodesUrlPartsStrictly() throws Exception {
        assertThat(ProtocolText.decodePercent("FI-35238%2D0001+x", true)).isEqualTo("FI-35238-0001 x");
        assertThat(ProtocolText.check(ProtocolText.decodePercent("a%00b", true))).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProtocolText.decodePercent("%C0%AE", true))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProtocolText.decodePercent("%E2%82", true))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }
}
