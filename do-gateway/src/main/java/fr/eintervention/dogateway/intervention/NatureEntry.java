package fr.eintervention.dogateway.intervention;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One nature/PBO/PTO triplet of {@code Nature_PBO_PTO}.
 *
 * @param nature to an OI in v1: 1 = RACC, 2 = SAV, 3 = AUCUNE ACTION (at the end only), 4 = NON FOURNIE
 *               (when absent); to an OI in v2, one of v2's ({@code Nature}: 1, 2, 20, 21, 22, 4, 41, 5,
 *               6, 60, 61; 6 = NON FOURNIE when absent), one entry only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NatureEntry(
        @Schema(description = "OI in v1: 1 = RACC, 2 = SAV, 3 = AUCUNE ACTION (end only), 4 = NON FOURNIE (the default); "
                + "OI in v2 (one entry only): 1, 2, 20, 21, 22, 4, 41, 5, 6 (NON FOURNIE, the default), 60, 61 "
                + "(GET /ois/{codeOi}/natures lists them with their labels)", example = "1") Integer nature,
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
        return orDefault(entries, NOT_PROVIDED);
    }

    /** The same with the version's NON FOURNIE (v1: 4, v2: 6). */
    static List<NatureEntry> orDefault(List<NatureEntry> entries, int notProvided) {
        if (entries == null || entries.isEmpty()) {
            return List.of(new NatureEntry(notProvided, null, null));
        }
        return entries.stream()
                .map(entry -> entry == null ? new NatureEntry(notProvided, null, null)
                        : entry.nature() == null ? new NatureEntry(notProvided, entry.pbo(), entry.pto()) : entry)
                .toList();
    }

    /** The same entries, in any order (as the OI compares them). */
    static boolean sameEntries(List<NatureEntry> a, List<NatureEntry> b) {
        return a.stream().sorted(ORDER).toList().equals(b.stream().sorted(ORDER).toList());
    }
}
