package fr.eintervention.delivery;

import java.util.List;

/** Starts the first attempt of freshly committed messages, off the caller's thread. */
interface DeliveryTrigger {

    void dispatchNow(List<Long> messageIds);
}
