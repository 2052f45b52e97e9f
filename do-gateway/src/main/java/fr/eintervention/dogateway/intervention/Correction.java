package fr.eintervention.dogateway.intervention;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Corrected fields of a declaration the OI rejected; a field left out keeps its value. */
@Schema(description = "Corrected fields; the ones left out are unchanged")
public record Correction(
        @Schema(example = "OI01") String codeOi,
        @Schema(example = "FI-35238-0001") String pm,
        List<NatureEntry> natures,
        String start,
        @Schema(description = "only once the end is declared") String end,
        List<NatureEntry> endNatures) {
}
