package fr.eintervention.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * URLs refused before any controller, by Tomcat itself (an encoded NUL or slash, invalid UTF-8)
 * or by Spring Security's firewall ({@code ;}): each must get the service's own answer, never an
 * HTML page.
 */
public final class RefusedUrls {

    /** Paths off the protocol, for a {@code GET}. */
    public static final List<String> PATHS = List.of("/interventions/%00", "/interventions/%C0%AF",
            "/consultation/interventions/..%2F..%2Fadmin", "/admin/..;/actuator", "/%00", "/admin/%2e%2e%2f");

    /** Suffixes of a protocol path, for a {@code POST} of a message. */
    public static final List<String> PROTOCOL_SUFFIXES = List.of("%00", "/%C0%AF", "/..%2F..%2Fadmin", "/..;/x");

    private RefusedUrls() {
    }

    /** The answer off the protocol: 400 Problem Details whose errors name the path. */
    public static void assertProblemDetails(JsonHttp.Response response, String path) {
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertThat(RequestFuzzer.isHtml(response.body())).as(path + ": " + response.body()).isFalse();
        assertThat(response.json().path("status").asInt()).as(path + ": " + response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").path(0).path("field").asString()).as(path + ": " + response.body())
                .isEqualTo("path");
    }

    /** The answer on a protocol endpoint: the contract's 400 MAUVAIS_FORMAT. */
    public static void assertMauvaisFormat(JsonHttp.Response response, String path) {
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertThat(response.text("Libelle_Reponse")).as(path + ": " + response.body()).isEqualTo("MAUVAIS_FORMAT");
        assertThat(response.json().path("Code_Reponse").isInt()).as(path + ": " + response.body()).isTrue();
    }
}
