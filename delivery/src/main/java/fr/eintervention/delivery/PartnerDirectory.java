package fr.eintervention.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each partner is reached: every service implements it from its partner registry. The
 * engine asks at each attempt, so a corrected URL is used by the next retry.
 */
public interface PartnerDirectory {

    Optional<PartnerEndpoint> endpoint(String partnerCode);

    /**
     * The endpoints of several partners (those of the messages the engine just claimed); a
     * partner without one is left out. A directory that reads a database may override it to
     * read them in one query.
     */
    default Map<String, PartnerEndpoint> endpoints(Set<String> partnerCodes) {
        Map<String, PartnerEndpoint> endpoints = new HashMap<>();
        for (String code : partnerCodes) {
            endpoint(code).ifPresent(endpoint -> endpoints.put(code, endpoint));
        }
        return endpoints;
    }
}
