package fr.eintervention.delivery;

import org.springframework.http.HttpMethod;

/**
 * A message to deliver to one partner.
 *
 * @param partner the receiver's operator code (4 characters)
 * @param kind    M1..M5
 * @param subject the reference the message is about; messages of one (subject, partner) are
 *                delivered in the order they were queued
 * @param path    the receiver's endpoint, relative to the partner's base URL (e.g. {@code /v1/intervention_OI}),
 *                sent with POST; preceded by another method and a space, it is sent with that one
 *                (v2's M3 and M4: {@code PUT /v2/interventions-do})
 * @param payload the body: a contract type, serialised without nulls
 */
public record OutboundMessage(String partner, String kind, String subject, String path, Object payload) {

    /** The HTTP method and path a stored {@code path} stands for. */
    public record Target(HttpMethod method, String path) {
    }

    /** {@code PUT /v2/interventions-do} is a PUT to {@code /v2/interventions-do}; a bare path is a POST. */
    public static Target target(String path) {
        int space = path.indexOf(' ');
        if (space > 0 && path.charAt(0) != '/') {
            return new Target(HttpMethod.valueOf(path.substring(0, space)), path.substring(space + 1));
        }
        return new Target(HttpMethod.POST, path);
    }
}
