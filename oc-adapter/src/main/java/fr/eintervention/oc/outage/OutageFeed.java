package fr.eintervention.oc.outage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.oc.OcProperties;
import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.web.InvalidInput;
import fr.eintervention.web.batch.Csv;
import fr.eintervention.web.batch.Faults;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Learns the OC's customer outages from its supervision, in batches. A batch is all or nothing:
 * when any event is at fault, none is kept and every fault is reported (index in a JSON array,
 * line in a CSV file), so the sender corrects and re-sends the whole batch without wondering
 * which part went through. Re-sending events already stored is harmless.
 *
 * <p>A batch is read and checked before any database work: only a batch without fault is
 * stored, in one transaction, and at most {@code eintervention.oc.outages.max-concurrent-stores}
 * batches are stored at once, so that large files sent together hold a few of the pool's
 * connections for the time of their writes, never the whole pool for the time of their reading.
 */
@Service
public class OutageFeed {

    private static final Logger log = LoggerFactory.getLogger(OutageFeed.class);

    private final OutageRepository outages;
    private final Timestamps timestamps;
    private final OcProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionTemplate transaction;
    private final Semaphore stores;

    OutageFeed(OutageRepository outages, Timestamps timestamps, OcProperties properties, Clock clock,
            MeterRegistry meters, TransactionTemplate transaction) {
        this.outages = outages;
        this.timestamps = timestamps;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.transaction = transaction;
        this.stores = new Semaphore(properties.outages().maxConcurrentStores(), true);
    }

    /**
     * @param batch a JSON array of events
     * @return how many events were stored
     */
    public int ingest(JsonNode batch) {
        if (batch == null || !batch.isArray()) {
            throw new InvalidInput("body", "JSON array of events expected");
        }
        checkSize(batch.size());
        Faults faults = new Faults();
        List<Outage> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            int index = i;
            FieldReader reader = FieldReader.fromJson(batch.get(i), OutageEvent.FIELDS, timestamps,
                    (field, reason) -> faults.add(Fault.atIndex(index, field, reason)));
            Outage outage = reader == null ? null : OutageEvent.read(reader);
            if (outage != null) {
                events.add(outage);
            }
        }
        faults.throwIfAny();
        return store(events);
    }

    /**
     * @param csv a header row naming the columns (the JSON field names), then one event a line
     * @return how many events were stored
     */
    public int ingestCsv(String csv) {
        Csv.Table table = Csv.read(csv, OutageEvent.FIELDS);
        checkSize(table.rows().size());
        Faults faults = new Faults();
        faults.addAll(table.headerFaults());
        List<Outage> events = new ArrayList<>(table.rows().size());
        for (Csv.Row row : table.rows()) {
            if (row.problem() != null) {
                faults.add(row.fault());
                continue;
            }
            FieldReader reader = new FieldReader(row.values(), timestamps,
                    (field, reason) -> faults.add(Fault.atLine(row.line(), field, reason)));
            Outage outage = OutageEvent.read(reader);
            if (outage != null) {
                events.add(outage);
            }
        }
        faults.throwIfAny();
        return store(events);
    }

    private void checkSize(int events) {
        if (events > properties.outages().maxBatch()) {
            throw new InvalidInput("body", "at most " + properties.outages().maxBatch() + " events per request");
        }
    }

    private int store(List<Outage> events) {
        try {
            stores.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to store outage events", e);
        }
        try {
            transaction.executeWithoutResult(status -> outages.saveAll(events, Instant.now(clock)));
        } finally {
            stores.release();
        }
        meters.counter("eintervention.oc.outages.stored").increment(events.size());
        log.info("{} outage events stored", events.size());
        return events.size();
    }
}
