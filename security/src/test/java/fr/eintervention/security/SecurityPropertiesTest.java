package fr.eintervention.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.util.unit.DataSize;

class SecurityPropertiesTest {

    private static EInterventionSecurityProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("eintervention.security", EInterventionSecurityProperties.class);
    }

    @Test
    void documentedDefaults() {
        EInterventionSecurityProperties properties = bind(Map.of("eintervention.security.issuer-uri", "http://localhost:9000"));

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.jwkSetUri()).isNull();
        assertThat(properties.partnerClaim()).isEqualTo("partner");
        assertThat(properties.clients()).isEmpty();
        assertThat(properties.operatorScope()).isEqualTo("operator");
        assertThat(properties.rateLimit().requestsPerSecond()).isEqualTo(500);
        assertThat(properties.rateLimit().limitFor("DO01")).isEqualTo(500);
        assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(properties.publicDocs()).isTrue();
    }

    @Test
    void anIssuerIsRequiredUnlessSecurityIsDisabled() {
        assertThatThrownBy(() -> bind(Map.of())).rootCause()
                .hasMessageContaining("eintervention.security.issuer-uri")
                .hasMessageContaining("eintervention.security.enabled=false");
        assertThat(bind(Map.of("eintervention.security.enabled", "false")).enabled()).isFalse();
    }

    @Test
    void perPartnerRatesAndClientsFromEnvironmentVariables() {
        Map<String, Object> env = new HashMap<>();
        env.put("EINTERVENTION_SECURITY_ISSUERURI", "http://localhost:9000");
        env.put("EINTERVENTION_SECURITY_RATELIMIT_REQUESTSPERSECOND", "20");
        env.put("EINTERVENTION_SECURITY_RATELIMIT_PARTNERS_OI01", "200");
        env.put("EINTERVENTION_SECURITY_CLIENTS_APP7F3A", "DO01");
        StandardEnvironment environment = new StandardEnvironment();
        // named like the real one, so that Boot reads it with the environment variables' relaxed names
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        ConfigurationPropertySources.attach(environment);

        EInterventionSecurityProperties properties = Binder.get(environment)
                .bindOrCreate("eintervention.security", EInterventionSecurityProperties.class);

        assertThat(properties.rateLimit().limitFor("OI01")).isEqualTo(200);
        assertThat(properties.rateLimit().limitFor("DO01")).isEqualTo(20);
        PartnerJwtConverter converter = new PartnerJwtConverter(properties.partnerClaim(), properties.clients());
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("APP7F3A").build();
        assertThat(converter.partner(jwt)).isEqualTo("DO01");
    }

    @Test
    void thePartnerClaimWinsOverTheClientsMap() {
        PartnerJwtConverter converter = new PartnerJwtConverter("operator_code", Map.of("app-1", "DO01"));

        assertThat(converter.partner(Jwt.withTokenValue("t").header("alg", "RS256").subject("app-1")
                .claim("operator_code", "OC01").build())).isEqualTo("OC01");
        assertThat(converter.partner(Jwt.withTokenValue("t").header("alg", "RS256").subject("x")
                .claim("azp", "app-1").build())).isEqualTo("DO01");
        assertThat(converter.partner(Jwt.withTokenValue("t").header("alg", "RS256").subject("x").build())).isNull();
    }
}
