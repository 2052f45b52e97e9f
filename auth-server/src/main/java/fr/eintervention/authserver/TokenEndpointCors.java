package fr.eintervention.authserver;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for the endpoints a browser page calls: the token endpoint (Swagger UI's Authorize, client
 * credentials) and the discovery document and keys, for the origins of {@link BrowserOrigins}
 * only, without cookies. Applied by the filter chain's {@code .cors(...)}.
 */
@Configuration(proxyBeanMethods = false)
class TokenEndpointCors {

    /** The name Spring Security's {@code .cors(withDefaults())} looks for. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(BrowserOrigins origins) {
        CorsConfiguration browser = new CorsConfiguration();
        browser.setAllowedOrigins(origins.allowedOrigins());
        browser.setAllowedMethods(List.of("GET", "POST"));
        browser.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Requested-With"));
        browser.setAllowCredentials(false);
        browser.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", browser);
        source.registerCorsConfiguration("/oauth2/jwks", browser);
        source.registerCorsConfiguration("/.well-known/**", browser);
        return source;
    }
}
