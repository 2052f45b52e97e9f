package fr.eintervention.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules, for its own paths: declare a bean and they are added after the
 * module's rules (protocol endpoints, operator paths, health, docs) and before the final "any
 * other request needs a valid token". For example, the DO gateway's field API:
 *
 * <pre>{@code
 * @Bean
 * AuthorizationRules fieldApi() {
 *     return rules -> rules.requestMatchers("/interventions/**").hasAuthority("SCOPE_field");
 * }
 * }</pre>
 *
 * Not applied when security is disabled (everything is then let in).
 */
@FunctionalInterface
public interface AuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
