package fr.eintervention.authserver;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eintervention.auth-server.cors.*}: the web pages allowed to ask for tokens from a browser,
 * such as each service's Swagger UI (its Authorize button calls the token endpoint cross-origin).
 *
 * @param allowedOrigins the origins ({@code scheme://host:port}) of those pages; default the demo's
 *                       services on localhost and 127.0.0.1, ports 8080 to 8083. Empty: none.
 */
@ConfigurationProperties("eintervention.auth-server.cors")
public record BrowserOrigins(
        @DefaultValue({"http://localhost:8080", "http://localhost:8081", "http://localhost:8082", "http://localhost:8083",
                "http://127.0.0.1:8080", "http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083"})
        List<String> allowedOrigins) {

    public BrowserOrigins {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
