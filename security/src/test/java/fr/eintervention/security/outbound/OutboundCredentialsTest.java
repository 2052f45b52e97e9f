package fr.eintervention.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpHeaders;

import fr.eintervention.credentials.Credentials;
import fr.eintervention.testsupport.MovableClock;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.PartnerStub.Reply;
import fr.eintervention.testsupport.TestTokens;

/** Each kind of outbound credentials, as a partner receives them over real HTTP. */
class OutboundCredentialsTest {

    private final PartnerStub partner = PartnerStub.start();
    private final PartnerStub tokenEndpoint = PartnerStub.start();
    private final MovableClock clock = MovableClock.frozenAt(Instant.parse("2026-11-24T08:00:00Z"));

    @AfterEach
    void stop() {
        partner.close();
        tokenEndpoint.close();
    }

    private OutboundCredentials credentials(Map<String, String> properties) {
        return OutboundCredentials.from(new Binder(new MapConfigurationPropertySource(properties)), null, clock);
    }

    /** What the delivery engine does with credentials: apply them to the headers of a request. */
    private PartnerStub.Received send(Credentials credentials) {
        HttpHeaders headers = new HttpHeaders();
        credentials.apply(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(partner.baseUrl() + "/v1/intervention_OI"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return partner.received().get(partner.received().size() - 1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentials() {
        Credentials credentials = credentials(Map.of(
                "eintervention.outbound.OC01.auth.type", "basic",
                "eintervention.outbound.OC01.auth.username", "OI01",
                "eintervention.outbound.OC01.auth.password", "s3cret"))
                .forPartner("OC01");

        assertThat(send(credentials).header("Authorization")).isEqualTo(basic("OI01", "s3cret"));
        assertThat(credentials.sslContext()).isNull();
        assertThat(credentials.toString()).doesNotContain("s3cret");
    }

    @Test
    void aStaticHeader() {
        Credentials credentials = credentials(Map.of(
                "eintervention.outbound.OC01.auth.type", "header",
                "eintervention.outbound.OC01.auth.name", "X-Api-Key",
                "eintervention.outbound.OC01.auth.value", "k-123"))
                .forPartner("oc01");

        assertThat(send(credentials).header("X-Api-Key")).isEqualTo("k-123");
    }

    @Test
    void noConfigurationMeansNoCredentials() {
        OutboundCredentials outbound = credentials(Map.of("eintervention.outbound.OC01.auth.type", "none"));

        assertThat(outbound.forPartner("OC01")).isSameAs(Credentials.NONE);
        assertThat(outbound.forPartner("OC09")).isSameAs(Credentials.NONE);
        assertThat(send(outbound.forPartner("OC09")).header("Authorization")).isNull();
    }

    @Test
    void missingFieldsFailAtStartUpNamingTheProperty() {
        assertThatThrownBy(() -> credentials(Map.of(
                "eintervention.outbound.OI01.auth.type", "oauth2",
                "eintervention.outbound.OI01.auth.token-uri", "http://127.0.0.1:1/token",
                "eintervention.outbound.OI01.auth.client-id", "DO01")))
                .hasMessage("eintervention.outbound.OI01.auth.client-secret is required");
        assertThatThrownBy(() -> credentials(Map.of("eintervention.outbound.OI01.auth.type", "certificate")))
                .hasMessageContaining("ssl-bundle is required");
        assertThatThrownBy(() -> credentials(Map.of("eintervention.outbound.OI01.auth.type", "basic",
                "eintervention.outbound.OI01.auth.username", "DO01")))
                .hasMessage("eintervention.outbound.OI01.auth.password is required");
    }

    private Map<String, String> oauth2(String partnerCode) {
        Map<String, String> properties = new HashMap<>();
        properties.put("eintervention.outbound." + partnerCode + ".auth.type", "oauth2");
        properties.put("eintervention.outbound." + partnerCode + ".auth.token-uri", tokenEndpoint.baseUrl() + "/oauth2/token");
        properties.put("eintervention.outbound." + partnerCode + ".auth.client-id", "DO01");
        properties.put("eintervention.outbound." + partnerCode + ".auth.client-secret", "s3cret&=");
        properties.put("eintervention.outbound." + partnerCode + ".auth.scopes", "write:interventions");
        return properties;
    }

    private AtomicInteger issueTokens(long expiresIn) {
        AtomicInteger issued = new AtomicInteger();
        tokenEndpoint.replyWith(request -> new Reply(200, "{\"access_token\":\"token-" + issued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}"));
        return issued;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void oauth2ClientCredentialsTokenIsCachedUntilShortlyBeforeItExpires() {
        AtomicInteger issued = issueTokens(300);
        Credentials credentials = credentials(oauth2("OI01")).forPartner("OI01");

        assertThat(send(credentials).header("Authorization")).isEqualTo("Bearer token-1");
        assertThat(send(credentials).header("Authorization")).isEqualTo("Bearer token-1");
        clock.advance(Duration.ofSeconds(269));
        assertThat(send(credentials).header("Authorization")).isEqualTo("Bearer token-1");
        assertThat(issued).hasValue(1);

        // 30 s before it expires, a new one
        clock.advance(Duration.ofSeconds(1));
        assertThat(send(credentials).header("Authorization")).isEqualTo("Bearer token-2");
        assertThat(issued).hasValue(2);

        PartnerStub.Received tokenRequest = tokenEndpoint.received().get(0);
        assertThat(tokenRequest.path()).isEqualTo("/oauth2/token");
        // RFC 6749 2.3.1: id and secret form-encoded before Basic
        assertThat(tokenRequest.header("Authorization")).isEqualTo(basic("DO01", "s3cret%26%3D"));
        assertThat(tokenRequest.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(tokenRequest.body())).isEqualTo(Map.of("grant_type", "client_credentials", "scope", "write:interventions"));
    }

    @Test
    void oauth2TokenIsDroppedWhenThePartnerAnswers401() {
        AtomicInteger issued = issueTokens(3600);
        Credentials credentials = credentials(oauth2("OI01")).forPartner("OI01");

        assertThat(send(credentials).header("Authorization")).isEqualTo("Bearer token-1");
        credentials.unauthorized();
        assertThat(send(credentials).header("Authorization")).isEqualTo("Bearer token-2");
        assertThat(send(credentials).header("Authorization")).isEqualTo("Bearer token-2");
        assertThat(issued).hasValue(2);
    }

    @Test
    void oauth2ShortLivedTokensAreRefreshedToo() {
        AtomicInteger issued = issueTokens(10);
        Credentials credentials = credentials(oauth2("OI01")).forPartner("OI01");

        send(credentials);
        clock.advance(Duration.ofSeconds(7));
        send(credentials);
        assertThat(issued).hasValue(1);
        // a fifth of its life before it expires
        clock.advance(Duration.ofSeconds(1));
        send(credentials);
        assertThat(issued).hasValue(2);
    }

    @Test
    void oauth2ClientSecretPost() {
        issueTokens(3600);
        Map<String, String> properties = oauth2("OI01");
        properties.put("eintervention.outbound.OI01.auth.client-authentication", "post");

        send(credentials(properties).forPartner("OI01"));

        PartnerStub.Received tokenRequest = tokenEndpoint.received().get(0);
        assertThat(tokenRequest.header("Authorization")).isNull();
        assertThat(form(tokenRequest.body())).containsEntry("client_id", "DO01").containsEntry("client_secret", "s3cret&=");
    }

    @Test
    void aRefusingTokenEndpointFailsTheAttemptWithoutLeakingTheSecret() {
        tokenEndpoint.replyWith(request -> new Reply(401, "{\"error\":\"invalid_client\"}"));
        Credentials credentials = credentials(oauth2("OI01")).forPartner("OI01");

        assertThatThrownBy(() -> credentials.apply(new HttpHeaders()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 401")
                .hasMessageNotContaining("s3cret");
        tokenEndpoint.down();
        assertThatThrownBy(() -> credentials.apply(new HttpHeaders())).hasMessageContaining("unreachable");
    }

    @Test
    void oauth2AgainstTheTestIdentityProvider() {
        int before = TestTokens.tokenRequests();
        Map<String, String> properties = oauth2("OI01");
        properties.put("eintervention.outbound.OI01.auth.token-uri", TestTokens.tokenUri());
        Credentials credentials = credentials(properties).forPartner("OI01");

        String first = send(credentials).header("Authorization");
        String second = send(credentials).header("Authorization");

        assertThat(first).startsWith("Bearer ey").isEqualTo(second);
        assertThat(TestTokens.tokenRequests() - before).isEqualTo(1);
    }

    @Test
    void environmentVariableForms() {
        Map<String, Object> env = new HashMap<>();
        env.put("EINTERVENTION_OUTBOUND_OI01_AUTH_TYPE", "oauth2");
        env.put("EINTERVENTION_OUTBOUND_OI01_AUTH_TOKEN_URI", tokenEndpoint.baseUrl() + "/token");
        env.put("EINTERVENTION_OUTBOUND_OI01_AUTH_CLIENT_ID", "DO01");
        env.put("EINTERVENTION_OUTBOUND_OI01_AUTH_CLIENT_SECRET", "from-env");
        env.put("EINTERVENTION_OUTBOUND_OC01_AUTH_CLIENTSECRET", "unused");
        env.put("EINTERVENTION_OUTBOUND_OC02_AUTH_VALUE", "Bearer static-from-env");
        StandardEnvironment environment = new StandardEnvironment();
        // named like the real one, so that Boot reads it with the environment variables' relaxed names
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        // the non-secret part in application.yml
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", Map.of(
                "eintervention.outbound.OC02.auth.type", "header",
                "eintervention.outbound.OC02.auth.name", "Authorization",
                "eintervention.outbound.OC01.auth.type", "basic",
                "eintervention.outbound.OC01.auth.username", "OI01",
                "eintervention.outbound.OC01.auth.password", "p")));
        ConfigurationPropertySources.attach(environment);
        issueTokens(3600);

        OutboundCredentials outbound = OutboundCredentials.from(environment, null);

        assertThat(outbound.partners()).containsExactlyInAnyOrder("OI01", "OC01", "OC02");
        send(outbound.forPartner("OI01"));
        assertThat(tokenEndpoint.received().get(0).header("Authorization")).isEqualTo(basic("DO01", "from-env"));
        assertThat(send(outbound.forPartner("OC02")).header("Authorization")).isEqualTo("Bearer static-from-env");
        assertThat(send(outbound.forPartner("OC01")).header("Authorization")).isEqualTo(basic("OI01", "p"));
    }
}
