package fr.eintervention.oi.referential;

import java.util.ArrayList;
import java.util.List;

import fr.eintervention.protocol.Fault;

/**
 * The faults of one import's file: all counted, the first ones kept for the report and written
 * to it a hundred at a time.
 */
final class ImportFaults {

    private static final int BATCH = 100;

    private final long importId;
    private final ReferentialImports imports;
    private final int maxReported;
    private final List<Fault> pending = new ArrayList<>();
    private long count;
    private long reported;

    ImportFaults(long importId, ReferentialImports imports, int maxReported) {
        this.importId = importId;
        this.imports = imports;
        this.maxReported = maxReported;
    }

    void add(Fault fault) {
        count++;
        if (reported < maxReported) {
            reported++;
            pending.add(fault);
            if (pending.size() >= BATCH) {
                flush();
            }
        }
    }

    /** Faults counted but not listed (e.g. duplicates beyond those listed). */
    void countMore(long more) {
        count += more;
    }

    long count() {
        return count;
    }

    /** Writes the faults kept so far to the report. */
    void flush() {
        imports.addFaults(importId, pending);
        pending.clear();
    }
}
