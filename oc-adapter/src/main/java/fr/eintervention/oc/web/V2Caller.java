package fr.eintervention.oc.web;

import org.springframework.stereotype.Component;

import fr.eintervention.security.CallerPartner;
import fr.eintervention.security.EInterventionSecurityProperties;
import fr.eintervention.security.ForeignPartnerException;

/**
 * "A partner only speaks for itself", for v2's messages: the field naming the sender must be the
 * caller's operator code (403 otherwise, nothing stored), as the security module checks v1's.
 * To be replaced by the security module's check once it covers v2's types.
 */
@Component
public class V2Caller {

    private final EInterventionSecurityProperties security;

    V2Caller(EInterventionSecurityProperties security) {
        this.security = security;
    }

    /** @param field the sender's field, e.g. {@code codeOI} */
    public void mustBe(String field, String sender) {
        if (!security.enabled()) {
            return;
        }
        String caller = CallerPartner.current()
                .orElseThrow(() -> new ForeignPartnerException("the token names no partner (claim "
                        + security.partnerClaim() + " or a configured client)"));
        if (!caller.equals(sender)) {
            throw new ForeignPartnerException(field + " " + sender + " does not match the caller " + caller);
        }
    }
}
