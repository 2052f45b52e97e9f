package fr.eintervention.oi.intervention;

import java.time.Instant;

/**
 * A rule another capability sets on the end of an intervention (the line tests': a test required
 * before the end, decisions 0038 and 0080). Asked inside the accepting transaction, before the
 * first M3 of an intervention already started is applied: a refusal leaves nothing stored.
 */
public interface EndRule {

    /** Whether intervention {@code refOi} may end at {@code end}. */
    boolean allowsEnd(String refOi, Instant end);
}
