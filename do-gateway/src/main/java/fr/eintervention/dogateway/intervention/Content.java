package fr.eintervention.dogateway.intervention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the DO declares to the OI about one presence period: the business fields of M1 and M3.
 *
 * @param natures    {@code Nature_PBO_PTO} of M1 (the expected natures, never AUCUNE ACTION)
 * @param start      {@code Debut_Inter} as captured on the device
 * @param end        {@code Fin_Inter} as captured on the device, null until known
 * @param endNatures {@code Nature_PBO_PTO} of M3 (the final natures), null until the end is known
 */
record Content(String codeOi, String pm, List<NatureEntry> natures, Instant start, Instant end,
        List<NatureEntry> endNatures) {

    boolean ended() {
        return end != null;
    }

    /** Ended at that time with those final natures (the expected ones when not told). */
    Content withEnd(Instant end, List<NatureEntry> finalNatures) {
        return new Content(codeOi, pm, natures, start, end, finalNatures != null ? finalNatures : natures);
    }

    /** The same start (what M1 says), e.g. a tool re-posting a capture. */
    boolean sameStart(Content other) {
        return Objects.equals(codeOi, other.codeOi) && Objects.equals(pm, other.pm)
                && Objects.equals(start, other.start) && NatureEntry.sameEntries(natures, other.natures);
    }
}
