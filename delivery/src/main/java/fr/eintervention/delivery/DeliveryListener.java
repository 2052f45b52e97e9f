package fr.eintervention.delivery;

/**
 * Told of each final outcome of a message: DELIVERED, REJECTED or FAILED. Declare beans of this
 * type to act on it, e.g. the DO records the {@code Ref_Interv_OI} of an R M1
 * ({@link DeliveryRecord#answerBody()}).
 *
 * <p>Called on the engine's reporter thread, inside a transaction of the service's transaction
 * manager that also marks the outcome reported: what the listener writes through the service's
 * DataSource and the hand-off commit together, or neither. An outcome whose listener threw, or
 * whose instance died before the commit, is reported again (at each poll, by any instance): keep
 * it idempotent. A slow listener delays only the reports after it, never deliveries.
 */
@FunctionalInterface
public interface DeliveryListener {

    void onOutcome(DeliveryRecord record);

    /**
     * Whether this listener wants the outcomes of messages of that kind (M1..M5). An outcome no
     * listener wants is not handed off at all: it costs nothing. Default: every kind.
     */
    default boolean listensTo(String kind) {
        return true;
    }
}
