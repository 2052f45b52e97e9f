package fr.eintervention.delivery.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.eintervention.delivery.DeliveryListener;
import fr.eintervention.delivery.DeliveryRecord;

/** Keeps every final outcome it is told of. */
public class RecordingListener implements DeliveryListener {

    private final List<DeliveryRecord> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void onOutcome(DeliveryRecord record) {
        outcomes.add(record);
    }

    public List<DeliveryRecord> of(long messageId) {
        return outcomes.stream().filter(outcome -> outcome.id() == messageId).toList();
    }

    public int count() {
        return outcomes.size();
    }
}
