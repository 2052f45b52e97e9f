package fr.eintervention.authserver;

/**
 * The auto-configurations the tests' classpath brings (the services' security module, to check it
 * accepts the tokens, and with it protocol-validation and the delivery engine) that the
 * auth-server's own jar does not have: excluded when a test runs the auth-server.
 */
final class NotInTheAuthServer {

    static final String AUTO_CONFIGURATIONS = String.join(",",
            "fr.eintervention.security.EInterventionSecurityAutoConfiguration",
            // the protocol's web rules (JSON bodies only, no forms): the token endpoint and the login take forms
            "fr.eintervention.protocol.web.ProtocolWebConfiguration",
            "fr.eintervention.protocol.outage.DatabaseOutageAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    private NotInTheAuthServer() {
    }
}
