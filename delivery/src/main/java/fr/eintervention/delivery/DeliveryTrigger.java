package fr.eintervention.delivery;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Starts the first attempt of freshly committed messages, off the caller's thread. */
interface DeliveryTrigger {

    void dispatchNow(List<Long> messageIds);

    /**
     * Dispatches messages once the current transaction commits (never before: the message
     * would not be visible yet, and a rollback must send nothing); at once without a transaction.
     * The messages of one transaction are dispatched together.
     */
    default void dispatchAfterCommit(List<Long> messageIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatchNow(messageIds);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Long> queued = (List<Long>) TransactionSynchronizationManager.getResource(this);
        if (queued == null) {
            List<Long> ids = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(DeliveryTrigger.this);
                    if (status == STATUS_COMMITTED) {
                        dispatchNow(ids);
                    }
                }
            });
            queued = ids;
        }
        queued.addAll(messageIds);
    }
}
