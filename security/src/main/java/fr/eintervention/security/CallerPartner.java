package fr.eintervention.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The operator code of the partner making the current request, as its token says (the
 * {@code partner} claim, or the client id through {@code eintervention.security.clients}).
 *
 * <p>The security module already refuses a protocol message whose sender field ({@code Code_DO},
 * {@code Code_OI}, {@code Code_OC_impacte}) is not the caller; a service uses this for its own
 * extra checks, e.g. the OI verifying that an M5's OC was sent that intervention.
 */
public final class CallerPartner {

    /** The authority that carries the caller's code, next to the {@code SCOPE_} ones. */
    public static final String AUTHORITY_PREFIX = "PARTNER_";

    private CallerPartner() {
    }

    /**
     * The caller's operator code; empty for an anonymous call (security disabled), outside a
     * request, or for a token that names no partner (e.g. an operator's).
     */
    public static Optional<String> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The operator code an authentication carries, if any. */
    public static Optional<String> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(AUTHORITY_PREFIX)) {
                return Optional.of(name.substring(AUTHORITY_PREFIX.length()));
            }
        }
        return Optional.empty();
    }
}
