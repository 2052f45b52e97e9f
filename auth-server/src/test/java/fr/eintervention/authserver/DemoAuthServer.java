package fr.eintervention.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The auth-server with its demo profile, as its jar runs it, for a test. The tests' classpath has
 * the services' security module (to check that it accepts the tokens), and with it
 * protocol-rules, web-support and the delivery engine, which the auth-server's jar has not: their
 * auto-configurations are left out.
 */
final class DemoAuthServer {

    private static final String NOT_IN_THE_AUTH_SERVER = String.join(",",
            "fr.eintervention.security.EInterventionSecurityAutoConfiguration",
            // the protocol's web rules and every endpoint's strict input (JSON bodies only, no forms):
            // the token endpoint and the login take forms
            "fr.eintervention.protocol.v1.web.ProtocolWebConfiguration",
            "fr.eintervention.protocol.v2.web.V2WebConfiguration",
            "fr.eintervention.web.input.InputConfiguration",
            "fr.eintervention.web.ProblemDetailsAdvice",
            "fr.eintervention.web.unavailable.DatabaseUnavailableAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    private DemoAuthServer() {
    }

    /** A free port, whose URL is the issuer the auth-server names in its tokens. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Started on that port (0: any) with that issuer. */
    static ConfigurableApplicationContext start(int port, String issuer) {
        return new SpringApplicationBuilder(AuthServerApplication.class).profiles("demo").run(
                "--server.port=" + port,
                "--eintervention.auth-server.issuer=" + issuer,
                "--spring.autoconfigure.exclude=" + NOT_IN_THE_AUTH_SERVER);
    }
}
