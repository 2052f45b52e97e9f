package fr.eintervention.delivery;

import java.util.Optional;
import java.util.Set;

/**
 * Re-renders the body of a message from current business data when an operator re-sends it
 * ({@link Deliveries#resend}): this is how a message is corrected and re-sent. Declare a bean
 * per service for the kinds it sends; without one, a re-send sends the stored body again.
 */
public interface PayloadRenderer {

    /** The kinds this renderer renders, e.g. {@code M2} and {@code M4}. */
    Set<String> kinds();

    /**
     * The body to send now (a contract type, serialised without nulls), or empty to send the
     * stored body unchanged (e.g. the business data is gone).
     */
    Optional<Object> render(DeliveryRecord record);
}
