package fr.eintervention.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People signing in through a browser app, over real HTTP as a browser does it: authorization
 * request, login form, code, then the code and its PKCE verifier for a token (from the app's origin).
 */
class SignInTest {

    private static final String APP = "http://127.0.0.1:8080/app/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ConfigurableApplicationContext authServer;
    static String issuer;

    @BeforeAll
    static void start() throws IOException {
        int port = DemoAuthServer.freePort();
        issuer = "http://localhost:" + port;
        authServer = DemoAuthServer.start(port, issuer);
    }

    @AfterAll
    static void stop() {
        if (authServer != null) {
            authServer.close();
        }
    }

    /** A browser: its cookies, redirects followed by hand so that each step can be seen. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> postForm(String url, Map<String, String> form, String origin) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
            if (origin != null) {
                request.header("Origin", origin);
            }
            return send(request);
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Follows redirects on the auth-server until one leaves it (for the app), and returns that one. */
        String followUntilApp(HttpResponse<String> response) {
            while (response.statusCode() == 302) {
                String location = response.headers().firstValue("Location").orElseThrow();
                if (location.startsWith(APP)) {
                    return location;
                }
                response = get(URI.create(issuer).resolve(location).toString());
            }
            throw new AssertionError("stayed on the auth-server: " + response.statusCode() + " " + response.body());
        }
    }

    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String authorize(String clientId, String scope, String redirectUri, Pkce pkce) {
        return issuer + "/oauth2/authorize?" + encode(ordered("response_type", "code", "client_id", clientId,
                "redirect_uri", redirectUri, "scope", scope, "state", "s-123",
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
    }

    /** The login form, filled in and sent; returns the answer to the form. */
    private static HttpResponse<String> signIn(Browser browser, HttpResponse<String> toLogin, String user, String password) {
        assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
        String loginUrl = URI.create(issuer).resolve(toLogin.headers().firstValue("Location").orElseThrow()).toString();
        assertThat(loginUrl).isEqualTo(issuer + "/login");
        HttpResponse<String> form = browser.get(loginUrl);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<html lang=\"fr\">").contains("Mot de passe")
                // the form names the app that sent the person there
                .containsPattern("Pour vous connecter à <strong id=\"app\">(l&#39;application du technicien|la console de l&#39;OI)</strong>");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        return browser.postForm(loginUrl, ordered("username", user, "password", password, "_csrf", csrf.group(1)), null);
    }

    private static String code(String redirect) {
        assertThat(redirect).contains("state=s-123");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(redirect);
        assertThat(code.find()).as(redirect).isTrue();
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> token(Browser browser, String clientId, String code, String verifier) {
        return browser.postForm(issuer + "/oauth2/token", ordered("grant_type", "authorization_code", "client_id", clientId,
                "code", code, "redirect_uri", APP, "code_verifier", verifier), "http://127.0.0.1:8080");
    }

    @Test
    void aTechnicianSignsInToTheAppWithPkceAndGetsATokenNamingThemWithTheFieldScopeAndTheirDo() {
        Browser browser = new Browser();
        Pkce pkce = Pkce.create();

        HttpResponse<String> toLogin = browser.get(authorize("technician-app", "field", APP, pkce));
        String redirect = browser.followUntilApp(signIn(browser, toLogin, "technicien", "demo"));
        HttpResponse<String> token = token(browser, "technician-app", code(redirect), pkce.verifier());

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8080");
        JsonNode answer = JSON.readTree(token.body());
        assertThat(answer.has("refresh_token")).isFalse();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(answer.path("access_token").asString().split("\\.")[1]));
        assertThat(claims.path("iss").asString()).isEqualTo(issuer);
        assertThat(claims.path("sub").asString()).isEqualTo("technicien");
        assertThat(claims.path("partner").asString()).isEqualTo("DO01");
        assertThat(claims.path("client_id").asString()).isEqualTo("technician-app");
        assertThat(claims.path("scope").toString()).isEqualTo("[\"field\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600L);

        // token expired: the app asks again, the login session answers at once, without the form
        Pkce again = Pkce.create();
        String silent = browser.followUntilApp(browser.get(authorize("technician-app", "field", APP, again)));
        assertThat(token(browser, "technician-app", code(silent), again.verifier()).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutTheVerifierOrWithAWrongPasswordThereIsNoToken() {
        Browser browser = new Browser();
        Pkce pkce = Pkce.create();
        HttpResponse<String> toLogin = browser.get(authorize("technician-app", "field", APP, pkce));
        HttpResponse<String> wrong = signIn(browser, toLogin, "technicien", "guess");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get(issuer + "/login?error").body()).contains("Identifiant ou mot de passe incorrect");
        // the form without its CSRF token is refused
        assertThat(browser.postForm(issuer + "/login", ordered("username", "technicien", "password", "demo"), null)
                .statusCode()).isEqualTo(403);

        String redirect = browser.followUntilApp(signIn(browser, browser.get(authorize("technician-app", "field", APP, pkce)),
                "technicien", "demo"));
        HttpResponse<String> token = token(browser, "technician-app", code(redirect), Pkce.create().verifier());
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("invalid_grant");
    }

    @Test
    void anUnknownRedirectUriIsRefusedAndAPersonGetsOnlyTheScopesTheyMayHave() {
        Browser browser = new Browser();
        Pkce pkce = Pkce.create();
        HttpResponse<String> elsewhere = browser.get(authorize("technician-app", "field", "http://evil.example/app/", pkce));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.headers().firstValue("Location")).isEmpty();

        // the operator signing in to the technician's app: a token without the field scope
        String redirect = browser.followUntilApp(signIn(browser, browser.get(authorize("technician-app", "field", APP, pkce)),
                "operateur", "demo"));
        HttpResponse<String> token = token(browser, "technician-app", code(redirect), pkce.verifier());
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(
                JSON.readTree(token.body()).path("access_token").asString().split("\\.")[1]));
        assertThat(claims.path("sub").asString()).isEqualTo("operateur");
        assertThat(claims.path("scope").toString()).isEqualTo("[]");
        assertThat(claims.has("partner")).isFalse();
    }

    @Test
    void theOperationsConsoleSignsInItsOperator() {
        Browser browser = new Browser();
        Pkce pkce = Pkce.create();
        String console = "http://127.0.0.1:8081/console/";
        HttpResponse<String> toLogin = browser.get(issuer + "/oauth2/authorize?" + encode(ordered("response_type", "code",
                "client_id", "ops-console", "redirect_uri", console, "scope", "operator", "state", "s-123",
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        HttpResponse<String> signedIn = signIn(browser, toLogin, "operateur", "demo");
        String redirect = signedIn.headers().firstValue("Location").orElseThrow();
        while (!redirect.startsWith(console)) {
            redirect = browser.get(URI.create(issuer).resolve(redirect).toString()).headers().firstValue("Location").orElseThrow();
        }
        HttpResponse<String> token = browser.postForm(issuer + "/oauth2/token", ordered("grant_type", "authorization_code",
                "client_id", "ops-console", "code", code(redirect), "redirect_uri", console, "code_verifier", pkce.verifier()),
                "http://127.0.0.1:8081");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8081");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(
                JSON.readTree(token.body()).path("access_token").asString().split("\\.")[1]));
        assertThat(claims.path("sub").asString()).isEqualTo("operateur");
        assertThat(claims.path("scope").toString()).isEqualTo("[\"operator\"]");
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
