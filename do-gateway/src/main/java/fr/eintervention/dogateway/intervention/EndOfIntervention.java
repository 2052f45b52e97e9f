package fr.eintervention.dogateway.intervention;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The end of a presence period as the tool captured it. */
@Schema(description = "The end of a presence period")
public record EndOfIntervention(
        @Schema(description = "the end as captured on the device (ISO 8601; without offset: Europe/Paris)",
                example = "2026-11-24T11:02:00+01:00", requiredMode = Schema.RequiredMode.REQUIRED) String end,
        @Schema(description = "the real natures, AUCUNE ACTION (3) allowed; default: the ones given at the start")
        List<NatureEntry> natures) {
}
