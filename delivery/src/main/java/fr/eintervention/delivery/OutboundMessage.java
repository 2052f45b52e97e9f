package fr.eintervention.delivery;

/**
 * A message to deliver to one partner.
 *
 * @param partner the receiver's operator code (4 characters)
 * @param kind    M1..M5
 * @param subject the reference the message is about; messages of one (subject, partner) are
 *                delivered in the order they were queued
 * @param path    the receiver's endpoint, relative to the partner's base URL (e.g. {@code /v1/intervention_OI});
 *                sent with POST, or with PUT when it starts with {@link #PUT} (v2's M3 and M4:
 *                {@code PUT /v2/interventions-oi})
 * @param payload the body: a contract type, serialised without nulls
 */
public record OutboundMessage(String partner, String kind, String subject, String path, Object payload) {

    /** What starts the path of a message sent with PUT. */
    public static final String PUT = "PUT ";
}
