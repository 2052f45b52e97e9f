package fr.eintervention.oc.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.eintervention.security.AuthorizationRules;

/**
 * Who may call what, on top of the security module's rules ({@code docs/explanation/security.md}):
 * <ul>
 * <li>{@code POST /v1/intervention_OI} (M2/M4): the module: scope {@code write:interventions},
 * and {@code Code_OI} must be the caller (the OI's token partner);</li>
 * <li>the OC's internal tools: the intervention query API ({@code /interventions/**}), the outage
 * feed ({@code /outages/**}), the own interventions ({@code /own-interventions}) and
 * {@code /admin/**} (PMs, deliveries): the operator scope ({@code eintervention.security.operator-scope},
 * default {@code operator}), here for the first three, by the module for {@code /admin/**};</li>
 * <li>health and the API documentation: no token; anything else: a valid token.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    /** The paths of the OC's own tools (not the protocol's): the OC's operators and supervision only. */
    static final String[] INTERNAL_TOOLS = {"/interventions", "/interventions/**", "/outages", "/outages/**",
            "/own-interventions", "/own-interventions/**"};

    @Bean
    AuthorizationRules ocInternalTools(@Value("${eintervention.security.operator-scope:operator}") String operatorScope) {
        String operator = "SCOPE_" + operatorScope;
        return rules -> rules.requestMatchers(INTERNAL_TOOLS).hasAuthority(operator);
    }
}
