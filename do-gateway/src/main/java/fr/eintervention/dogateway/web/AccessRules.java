package fr.eintervention.dogateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;

import fr.eintervention.security.AuthorizationRules;

/**
 * Who may call what, on top of the security module's rules ({@code docs/explanation/security.md}):
 * <ul>
 * <li>the field API ({@code /interventions/**}, {@code /technicians/**}, {@code /ois}, {@code /pms}): the
 * technicians' tools, scope {@value #FIELD_SCOPE};</li>
 * <li>the technician's app ({@code GET /app/**}): no token, the app signs its user in;</li>
 * <li>{@code /admin/**} (deliveries) and the actuator but health: the module, operator scope;</li>
 * <li>health and the API documentation: no token; anything else: a valid token.</li>
 * </ul>
 * The gateway receives no protocol message: it sends M1/M3, with the credentials of
 * {@code eintervention.outbound.<OI>.auth.*}.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    /** The scope of the technicians' tools. */
    static final String FIELD_SCOPE = "field";

    static final String[] FIELD_API = {"/interventions", "/interventions/**", "/technicians/**", "/ois", "/ois/**", "/pms"};

    /** The technician's app: its files and settings load without a token (it signs its user in). */
    static final String[] APP = {"/app", "/app/**"};

    @Bean
    AuthorizationRules fieldApi() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, APP).permitAll()
                .requestMatchers(FIELD_API).hasAuthority("SCOPE_" + FIELD_SCOPE);
    }
}
