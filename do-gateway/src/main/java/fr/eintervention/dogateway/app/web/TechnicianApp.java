package fr.eintervention.dogateway.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import fr.eintervention.dogateway.app.TechnicianAppProperties;
import fr.eintervention.protocol.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The technician's app at {@code /app/} (static files, no token needed to load them) and its
 * settings at {@code /app/config.json}: where to sign in, the zone of the times it shows.
 */
@RestController
@EnableConfigurationProperties(TechnicianAppProperties.class)
@Tag(name = "Technician app", description = "The progressive web app served at /app/")
class TechnicianApp implements WebMvcConfigurer {

    private final TechnicianAppProperties properties;
    private final Environment environment;
    private final Timestamps timestamps;

    TechnicianApp(TechnicianAppProperties properties, Environment environment, Timestamps timestamps) {
        this.properties = properties;
        this.environment = environment;
        this.timestamps = timestamps;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/app/").setViewName("forward:/app/index.html");
    }

    @GetMapping("/app/config.json")
    @Operation(summary = "The app's settings: where it signs its user in (the authorization server, its client id and scope) and the zone it shows times in")
    ResponseEntity<Map<String, Object>> config() {
        String issuer = properties.authorizationServer() != null && !properties.authorizationServer().isBlank()
                ? properties.authorizationServer() : environment.getProperty("eintervention.security.issuer-uri");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("authorizationServer", issuer);
        config.put("clientId", properties.clientId());
        config.put("scope", properties.scope());
        // every time the app shows is in the protocol's zone, whatever the phone's
        config.put("zone", timestamps.zone().getId());
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }
}
