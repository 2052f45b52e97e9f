package fr.eintervention.delivery;

/**
 * Told of each final outcome of a message: DELIVERED, REJECTED or FAILED. Declare beans of this
 * type to act on it, e.g. the DO records the {@code Ref_Interv_OI} of an R M1
 * ({@link DeliveryRecord#answerBody()}).
 *
 * <p>Called on a delivery worker thread after the outcome is stored, at least once per outcome
 * (an instance that dies in between lets another one send the message again): keep it quick
 * and idempotent. An exception is logged and does not change the outcome.
 */
@FunctionalInterface
public interface DeliveryListener {

    void onOutcome(DeliveryRecord record);
}
