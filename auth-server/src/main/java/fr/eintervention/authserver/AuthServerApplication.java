package fr.eintervention.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A small local OAuth2 authorization server for the demo: the sample partners get tokens by
 * client credentials, with their {@code partner} claim and the contract's scopes. Production
 * points the services at the operator's own identity provider instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
