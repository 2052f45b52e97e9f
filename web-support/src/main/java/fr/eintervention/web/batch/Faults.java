package fr.eintervention.web.batch;

import java.util.ArrayList;
import java.util.List;

import fr.eintervention.protocol.Fault;
import fr.eintervention.web.InvalidInput;

/**
 * The faults found in a whole batch, all counted but only the first ones kept, so that a file
 * wrong on every line still gets a short answer.
 */
public final class Faults {

    /** the most faults listed in an answer; the summary says how many there were */
    public static final int MAX_LISTED = 100;

    private final List<Fault> kept = new ArrayList<>();
    private int total;

    public void add(Fault fault) {
        total++;
        if (kept.size() < MAX_LISTED) {
            kept.add(fault);
        }
    }

    public void addAll(List<Fault> faults) {
        faults.forEach(this::add);
    }

    /** Refuses the whole batch when anything was wrong. */
    public void throwIfAny() {
        if (total > 0) {
            String listed = total > kept.size() ? " (first " + kept.size() + " listed)" : "";
            throw new InvalidInput(total + " fault(s)" + listed + ": nothing was stored", kept);
        }
    }
}
