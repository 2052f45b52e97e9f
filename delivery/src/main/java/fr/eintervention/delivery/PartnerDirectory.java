package fr.eintervention.delivery;

import java.util.Optional;

/**
 * Where each partner is reached: every service implements it from its partner registry. The
 * engine asks at each attempt, so a corrected URL is used by the next retry.
 */
public interface PartnerDirectory {

    Optional<PartnerEndpoint> endpoint(String partnerCode);
}
