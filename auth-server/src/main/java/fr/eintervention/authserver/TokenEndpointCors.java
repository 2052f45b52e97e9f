package fr.eintervention.authserver;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for the endpoints a browser page calls: the token endpoint (Swagger UI's Authorize, client
 * credentials; the apps' code for a token) and the discovery document and keys, for the origins of
 * {@link BrowserOrigins} and of the apps' redirect URIs ({@link SignIn}) only, without cookies.
 * Applied by the filter chain's {@code .cors(...)}.
 */
@Configuration(proxyBeanMethods = false)
class TokenEndpointCors {

    /** The name Spring Security's {@code .cors(withDefaults())} looks for. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(BrowserOrigins origins, SignIn signIn) {
        Set<String> allowed = new LinkedHashSet<>(origins.allowedOrigins());
        allowed.addAll(signIn.appOrigins());
        CorsConfiguration browser = new CorsConfiguration();
        browser.setAllowedOrigins(List.copyOf(allowed));
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
