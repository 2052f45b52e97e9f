package fr.eintervention.dogateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fr.eintervention.oi.OiApplication;
import fr.eintervention.testsupport.JsonHttp;
import fr.eintervention.testsupport.PartnerStub;
import fr.eintervention.testsupport.TestTokens;

/**
 * The real OI service, started once per test JVM on a random port with its demo referential
 * (OI01; PMs FI-35238-0001, FI-35238-0002, FI-75056-0003), its OCs pointed at a stub. It is
 * secured like in production and trusts the test IdP ({@code TestTokens}, as every application
 * started in the test JVM that names no issuer): the gateway's M1/M3 must carry a DO01 token with
 * the scope write:interventions. The gateway reaches it through {@link #front()}, a stub that
 * forwards every request to it, {@code Authorization} included: closing that port makes the OI
 * unreachable for a while without restarting it.
 */
public final class RealOi {

    private static RealOi instance;

    private final PartnerStub ocs = PartnerStub.start();
    private final PartnerStub front;
    private final String baseUrl;
    private final JsonHttp http;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RealOi() {
        // as arguments: they must win over the OI's application.yml (server.port: ${PORT:8081}). Not the demo
        // profile, whose issuer is the demo auth-server: its sample referential only, the issuer being TestTokens
        ConfigurableApplicationContext oi = new SpringApplicationBuilder(OiApplication.class)
                .run("--server.port=0", "--spring.config.location=file:" + oiConfiguration(),
                        "--spring.flyway.locations=classpath:db/migration,classpath:db/sample",
                        "--eintervention.security.rate-limit.requests-per-second=0");
        baseUrl = "http://127.0.0.1:" + oi.getEnvironment().getProperty("local.server.port");
        http = new JsonHttp(baseUrl).withToken(TestTokens.tokenWithoutPartner("operator", "operator"));
        for (String oc : new String[] {"OC01", "OC02", "OC03"}) {
            String partner = JsonHttp.write(Map.of("name", oc, "baseUrl", ocs.baseUrl(), "flux3", false));
            JsonHttp.Response saved = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/referential/partners/" + oc))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(partner)));
            if (saved.status() != 200) {
                throw new IllegalStateException("cannot point " + oc + " at the stub: " + saved.body());
            }
        }
        front = PartnerStub.start().replyWith(this::forward);
    }

    public static synchronized RealOi get() {
        if (instance == null) {
            instance = new RealOi();
        }
        return instance;
    }

    /** Where the gateway sends to: forwards to the OI; {@code down()}, then {@code up()}, to cut it off. */
    public PartnerStub front() {
        return front;
    }

    /** Forwarding everything to the OI again (a test may have scripted other answers). */
    public void reset() {
        front.replyWith(this::forward);
    }

    /** Where the OI itself listens (not through {@link #front()}). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The OI itself (consultation, referential), as its operator. */
    public JsonHttp http() {
        return http;
    }

    private PartnerStub.Reply forward(PartnerStub.Received request) {
        try {
            HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
            String authorization = request.header("Authorization");
            if (authorization != null) {
                forwarded.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
            return new PartnerStub.Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return PartnerStub.Reply.status(502);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PartnerStub.Reply.status(503);
        }
    }

    /**
     * The OI's own application.yml: the gateway's, first on this classpath, would shadow it under
     * its usual name.
     */
    private static Path oiConfiguration() {
        try {
            for (URL url : Collections.list(RealOi.class.getClassLoader().getResources("application.yml"))) {
                if (url.toString().contains("oi-service")) {
                    Path copy = Files.createTempFile("oi-service", ".yml");
                    try (InputStream in = url.openStream()) {
                        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                    copy.toFile().deleteOnExit();
                    return copy;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("oi-service's application.yml not found on the test classpath");
    }
}
