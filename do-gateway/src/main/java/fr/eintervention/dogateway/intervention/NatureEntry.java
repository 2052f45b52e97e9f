package fr.eintervention.dogateway.intervention;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One nature/PBO/PTO triplet of {@code Nature_PBO_PTO}.
 *
 * @param nature 1 = RACC, 2 = SAV, 3 = AUCUNE ACTION (at the end only), 4 = NON FOURNIE (when absent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NatureEntry(
        @Schema(description = "1 = RACC, 2 = SAV, 3 = AUCUNE ACTION (end only), 4 = NON FOURNIE (the default)",
                example = "1", allowableValues = {"1", "2", "3", "4"}) Integer nature,
        @Schema(description = "PBO reference, if known", example = "PT000123") String pbo,
        @Schema(description = "PTO reference, if known", example = "FI-1234-5678") String pto) {

    static final int NOT_PROVIDED = 4;

    /** What the spec allows when the DO does not tell the nature: one entry, NON FOURNIE. */
    static final List<NatureEntry> DEFAULT = List.of(new NatureEntry(NOT_PROVIDED, null, null));

    private static final Comparator<NatureEntry> ORDER = Comparator
            .comparing(NatureEntry::nature, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(NatureEntry::pbo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(NatureEntry::pto, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The entries as given, a missing nature being NON FOURNIE; none at all: {@link #DEFAULT}. */
    static List<NatureEntry> orDefault(List<NatureEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            return DEFAULT;
        }
        return entries.stream()
                .map(entry -> entry == null ? new NatureEntry(NOT_PROVIDED, null, null)
                        : entry.nature() == null ? new NatureEntry(NOT_PROVIDED, entry.pbo(), entry.pto()) : entry)
                .toList();
    }

    /** The same entries, in any order (as the OI compares them). */
    static boolean sameEntries(List<NatureEntry> a, List<NatureEntry> b) {
        return a.stream().sorted(ORDER).toList().equals(b.stream().sorted(ORDER).toList());
    }
}
