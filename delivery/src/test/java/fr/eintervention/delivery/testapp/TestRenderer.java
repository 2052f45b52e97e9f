package fr.eintervention.delivery.testapp;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.PayloadRenderer;

/** Renders M3 messages from "business data" the test sets, by subject; none set: the stored body. */
public class TestRenderer implements PayloadRenderer {

    private final Map<String, Object> current = new ConcurrentHashMap<>();

    public void set(String subject, Object payload) {
        current.put(subject, payload);
    }

    @Override
    public Set<String> kinds() {
        return Set.of("M3");
    }

    @Override
    public Optional<Object> render(DeliveryRecord record) {
        return Optional.ofNullable(current.get(record.subject()));
    }
}
