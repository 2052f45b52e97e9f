package fr.eintervention.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import fr.eintervention.web.input.ErrorReportAnswerValve;

/**
 * A small local OAuth2 authorization server for the demo: the sample partners get tokens by
 * client credentials, with their {@code partner} claim and the contract's scopes. Production
 * points the services at the operator's own identity provider instead. Of the HTTP input
 * hardening (web-support) it takes only the answer to what Tomcat refuses itself (a URL with an encoded NUL or
 * slash...): Problem Details, not Tomcat's HTML page; its filters would refuse the forms OAuth2 uses.
 */
@SpringBootApplication(excludeName = {"fr.eintervention.web.input.InputConfiguration",
        "fr.eintervention.protocol.v1.web.ProtocolWebConfiguration", "fr.eintervention.protocol.v2.web.V2WebConfiguration",
        "fr.eintervention.web.unavailable.DatabaseUnavailableAutoConfiguration"})
@ConfigurationPropertiesScan
public class AuthServerApplication {

    @Bean
    ErrorReportAnswerValve.Installer errorReportAnswers() {
        return new ErrorReportAnswerValve.Installer();
    }

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
