package fr.eintervention.delivery;

/** Where a message stands. */
public enum DeliveryStatus {
    /** waiting for its first attempt or a retry */
    PENDING,
    /** held by one instance, being sent (under a lease) */
    SENDING,
    /** the partner answered OK */
    DELIVERED,
    /** the partner answered a functional KO: not retried, visible, can be corrected and re-sent */
    REJECTED,
    /** no answer after the last retry: visible, can be re-sent */
    FAILED,
    /** replaced by a corrected message of the same kind before it was delivered */
    SUPERSEDED
}
