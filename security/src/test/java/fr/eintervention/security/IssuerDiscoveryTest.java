package fr.eintervention.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import fr.eintervention.testsupport.TestTokens;

/** Only the issuer configured: its keys are found through its discovery document. */
class IssuerDiscoveryTest {

    private static JwtDecoder decoder(Map<String, String> properties) {
        return IssuerJwtDecoders.of(new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("eintervention.security", EInterventionSecurityProperties.class));
    }

    @Test
    void findsTheKeysThroughDiscovery() {
        JwtDecoder decoder = decoder(Map.of("eintervention.security.issuer-uri", TestTokens.issuer()));

        Jwt jwt = decoder.decode(TestTokens.token("DO01", "write:interventions"));

        assertThat(jwt.getClaimAsString("partner")).isEqualTo("DO01");
        assertThatThrownBy(() -> decoder.decode(TestTokens.foreignIssuerToken("DO01"))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.badlySignedToken("DO01"))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.expiredToken("DO01"))).isInstanceOf(JwtException.class);
    }

    @Test
    void checksTheAudienceWhenConfigured() {
        JwtDecoder decoder = decoder(Map.of("eintervention.security.issuer-uri", TestTokens.issuer(),
                "eintervention.security.jwk-set-uri", TestTokens.jwkSetUri(),
                "eintervention.security.audience", "e-intervention"));

        assertThatThrownBy(() -> decoder.decode(TestTokens.token("DO01"))).isInstanceOf(JwtException.class);
        String withAudience = TestTokens.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(TestTokens.issuer())
                .subject("DO01").audience("e-intervention")
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build());
        assertThat(decoder.decode(withAudience).getSubject()).isEqualTo("DO01");
    }
}
