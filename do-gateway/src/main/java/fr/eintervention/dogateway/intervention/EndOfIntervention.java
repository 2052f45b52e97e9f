package fr.eintervention.dogateway.intervention;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The end of a presence period as the tool captured it. */
@Schema(description = "The end of a presence period")
public record EndOfIntervention(
        @Schema(description = "the end as captured on the device (ISO 8601; without offset: Europe/Paris)",
                example = "2026-11-24T11:02:00+01:00", requiredMode = Schema.RequiredMode.REQUIRED) String end,
        @Schema(description = "the real natures, AUCUNE ACTION (3) allowed; default: the ones given at the start")
        List<NatureEntry> natures,
        @Schema(description = "device clock minus the gateway's clock in seconds when the end was captured, as the tool "
                + "last measured it (positive: the device is ahead); stored and shown to the DO, the end is not changed",
                example = "-4") Integer clockOffsetSeconds) {
}
