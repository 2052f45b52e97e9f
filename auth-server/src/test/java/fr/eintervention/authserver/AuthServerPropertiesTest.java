package fr.eintervention.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AuthServerPropertiesTest {

    @Test
    void secretsFromEnvironmentVariablesCompleteTheClientsOfApplicationYml() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "EINTERVENTION_AUTHSERVER_CLIENTS_DO01_SECRET", "from-env",
                        "EINTERVENTION_AUTHSERVER_CLIENTS_OPERATOR_SECRET", "ops")));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", Map.of(
                "eintervention.auth-server.clients.DO01.scopes", "write:interventions",
                "eintervention.auth-server.clients.operator.scopes", "operator",
                "eintervention.auth-server.clients.OC01.scopes", "write:clients")));
        ConfigurationPropertySources.attach(environment);

        AuthServerProperties properties = Binder.get(environment).bindOrCreate("eintervention.auth-server", AuthServerProperties.class);

        assertThat(properties.clients()).containsOnlyKeys("DO01", "operator", "OC01");
        assertThat(properties.clients().get("DO01").secret()).isEqualTo("from-env");
        assertThat(properties.clients().get("DO01").scopes()).containsExactly("write:interventions");
        assertThat(properties.clients().get("DO01").partnerOf("DO01")).isEqualTo("DO01");
        assertThat(properties.clients().get("operator").secret()).isEqualTo("ops");
        assertThat(properties.clients().get("operator").partnerOf("operator")).isNull();
        assertThat(properties.clients().get("OC01").secret()).isNull();
    }

    @Test
    void withoutAnySecretTheServerRefusesToStart() {
        AuthServerProperties properties = new AuthServerProperties("http://localhost:9000", java.time.Duration.ofMinutes(15),
                Map.of("DO01", new AuthServerProperties.Client(null, java.util.List.of("write:interventions"), null)));

        assertThatThrownBy(() -> new AuthorizationServerConfiguration().registeredClientRepository(properties))
                .hasMessageContaining("demo profile").hasMessageContaining("EINTERVENTION_AUTHSERVER_CLIENTS_DO01_SECRET");
    }
}
