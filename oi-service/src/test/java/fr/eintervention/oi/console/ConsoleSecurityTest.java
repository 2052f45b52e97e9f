package fr.eintervention.oi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import fr.eintervention.oi.OiServiceTest;
import fr.eintervention.testsupport.TestTokens;

/**
 * The console's door, without a browser: anonymous visitors are sent to sign in, bearer tokens
 * (a partner's, even one with the operator scope) are refused, and the partners' API is as before.
 */
class ConsoleSecurityTest extends OiServiceTest {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String bearerToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html");
        if (bearerToken != null) {
            request.header("Authorization", TestTokens.bearer(bearerToken));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() throws Exception {
        for (String page : new String[] {"/console/", "/console/interventions", "/console/envois", "/console/referentiel",
                "/console/statistiques", "/console/statistiques/do.csv"}) {
            HttpResponse<String> response = get(page, null);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page)
                    .endsWith("/console/oauth2/authorization/ops-console");
        }
    }

    @Test
    void theLiveFiguresAfterTheSessionEndedReloadThePageToSignInAgain() throws Exception {
        HttpResponse<String> poll = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/console/aujourdhui/direct")).header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(poll.statusCode()).isEqualTo(401);
        assertThat(poll.headers().firstValue("HX-Redirect")).hasValue("/console/");
    }

    @Test
    void bearerTokensAreRefusedEvenWithTheOperatorScope() throws Exception {
        assertThat(get("/console/", TestTokens.token("DO01", "write:interventions")).statusCode()).isEqualTo(401);
        assertThat(get("/console/envois", TestTokens.tokenWithoutPartner("operator", "operator")).statusCode()).isEqualTo(401);
        // the same token still opens the operators' API
        assertThat(http.get("/consultation/interventions").status()).isEqualTo(200);
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/console/envois/renvoi?partenaire=OC01")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(302, 401, 403);
        assertThat(response.statusCode()).isNotEqualTo(200);
    }

    @Test
    void anUploadToTheBulkImportWithoutASessionIsRefused() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/console/referentiel/imports?mode=merge")).header("Content-Type", "text/csv").header("HX-Request", "true")
                        .POST(HttpRequest.BodyPublishers.ofString("PM;Code_OI;OC\nPM-ANONYME-1;OI01;OC01\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(http.get("/admin/referential/pms/PM-ANONYME-1").status()).isEqualTo(404);
    }

    @Test
    void htmxComesFromTheServiceItself() throws Exception {
        HttpResponse<String> htmx = get("/webjars/htmx.org/dist/htmx.min.js", null);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
        assertThat(get("/console/assets/console.css", null).statusCode()).isEqualTo(200);
    }
}
