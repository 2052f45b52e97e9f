package fr.eintervention.dogateway.intervention;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The start of a presence period as the tool captured it, possibly with its end when both were
 * captured without coverage and sent together.
 */
@Schema(description = "A new presence period of a technician on a PM")
public record NewIntervention(
        @Schema(description = "the technician's identifier in the DO's tools", example = "TECH-0042",
                requiredMode = Schema.RequiredMode.REQUIRED) String technicianId,
        @Schema(description = "the OI's operator code (see GET /ois)", example = "OI01",
                requiredMode = Schema.RequiredMode.REQUIRED) String codeOi,
        @Schema(description = "regulatory reference of the PM", example = "FI-35238-0001",
                requiredMode = Schema.RequiredMode.REQUIRED) String pm,
        @Schema(description = "what is planned; default one entry NON FOURNIE; AUCUNE ACTION (3) is for the end only")
        List<NatureEntry> natures,
        @Schema(description = "the start as captured on the device (ISO 8601; without offset: Europe/Paris)",
                example = "2026-11-24T09:15:00+01:00", requiredMode = Schema.RequiredMode.REQUIRED) String start,
        @Schema(description = "the end, when already captured (offline): M1 then M3 are sent",
                example = "2026-11-24T11:02:00+01:00") String end,
        @Schema(description = "the final natures, with end; default: natures") List<NatureEntry> endNatures,
        @Schema(description = "an identifier the tool gives this capture (or the Idempotency-Key header): "
                + "posting it again does not create a second period", example = "6f1c2e0a-4b7d-4a59-9a64-2f0f4f1e9d11")
        String deviceCaptureId,
        @Schema(description = "device clock minus the gateway's clock in seconds when the start was captured, as the tool "
                + "last measured it (positive: the device is ahead); stored and shown to the DO, the start is not changed",
                example = "-4") Integer startClockOffsetSeconds,
        @Schema(description = "the same, when the end was captured (with end)", example = "-4") Integer endClockOffsetSeconds) {
}
