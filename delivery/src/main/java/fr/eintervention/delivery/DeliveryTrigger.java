package fr.eintervention.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fr.eintervention.delivery.DeliveryQueue.Lease;

/** Starts the first attempt of freshly committed messages, off the caller's thread. */
interface DeliveryTrigger {

    /**
     * The lease under which messages being queued are taken by this instance at once, so that
     * it sends them right after the commit without claiming them again; empty when it cannot
     * send now (stopping): they are queued waiting, for any instance's poll.
     */
    Optional<Lease> leaseForQueued();

    /** Partners that take no calls now (open circuit, asked to wait): their new messages are queued waiting. */
    default Set<String> partnersNotTakingCalls() {
        return Set.of();
    }

    /**
     * Starts committed messages.
     *
     * @param claimed messages queued SENDING under {@link #leaseForQueued()}
     * @param waiting ids of messages queued (or put back) PENDING, to claim now
     */
    void dispatchNow(List<DeliveryRecord> claimed, List<Long> waiting);

    /**
     * {@link #dispatchNow} once the current transaction commits (never before: the messages
     * would not be visible yet, and a rollback must send nothing); at once without a transaction.
     * The messages of one transaction are dispatched together.
     */
    default void dispatchAfterCommit(List<DeliveryRecord> claimed, List<Long> waiting) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatchNow(claimed, waiting);
            return;
        }
        Committed committed = (Committed) TransactionSynchronizationManager.getResource(this);
        if (committed == null) {
            Committed fresh = new Committed(new ArrayList<>(), new ArrayList<>());
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(DeliveryTrigger.this);
                    if (status == STATUS_COMMITTED) {
                        dispatchNow(fresh.claimed(), fresh.waiting());
                    }
                }
            });
            committed = fresh;
        }
        committed.claimed().addAll(claimed);
        committed.waiting().addAll(waiting);
    }

    /** What a transaction queued, until it commits. */
    record Committed(List<DeliveryRecord> claimed, List<Long> waiting) {
    }
}
