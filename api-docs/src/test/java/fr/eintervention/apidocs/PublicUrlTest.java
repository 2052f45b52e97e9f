package fr.eintervention.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void relativeToWhereTheDocumentIsReadWhenNotConfigured() {
        assertThat(new PublicUrl(null, null).url()).isEqualTo("/");
        assertThat(new PublicUrl(" ", "/").url()).isEqualTo("/");
        assertThat(new PublicUrl("", "/oi/").url()).isEqualTo("/oi");
    }

    @Test
    void theConfiguredUrlWithoutItsTrailingSlash() {
        assertThat(new PublicUrl("https://oi.example.com/", "/ignored").url()).isEqualTo("https://oi.example.com");
        assertThat(new PublicUrl("http://10.0.0.5:8081/e-intervention", null).url()).isEqualTo("http://10.0.0.5:8081/e-intervention");
    }

    @Test
    void anythingButAnHttpUrlWithAHostIsRefusedAtStartUp() {
        for (String wrong : new String[] {"oi.example.com", "ftp://oi.example.com", "https://", "https://oi.example.com/?x=1",
                "not a url"}) {
            assertThatThrownBy(() -> new PublicUrl(wrong, null)).as(wrong)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("eintervention.public-url");
        }
    }
}
