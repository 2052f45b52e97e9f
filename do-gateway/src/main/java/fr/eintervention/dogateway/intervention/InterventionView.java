package fr.eintervention.dogateway.intervention;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where an intervention stands, for the technician's tool.
 *
 * @param ref         the DO's reference ({@code Ref_Interv_DO}) of this presence period
 * @param state       STARTED until the end is known, then ENDED
 * @param refIntervOi the OI's reference, once the OI acknowledged M1 (or M3)
 * @param m1          the start declared to the OI
 * @param m3          the end declared to the OI, once the end is known
 * @param warnings    implausible timestamps, or a device clock far from the gateway's: flagged, not refused
 * @param startClockOffsetSeconds the device clock minus the gateway's when the start was captured, as the tool said
 * @param endClockOffsetSeconds   the same at the end
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterventionView(
        @Schema(example = "DO01-20261124-7K2M9QXA") String ref,
        String technicianId,
        @Schema(example = "OI01") String codeOi,
        @Schema(example = "FI-35238-0001") String pm,
        State state,
        OffsetDateTime start,
        OffsetDateTime end,
        List<NatureEntry> natures,
        List<NatureEntry> endNatures,
        String refIntervOi,
        DeclarationView m1,
        DeclarationView m3,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> warnings,
        @Schema(description = "device clock minus the gateway's at the start (seconds, as the tool measured it)")
        Integer startClockOffsetSeconds,
        @Schema(description = "the same at the end") Integer endClockOffsetSeconds,
        @Schema(description = "the repair report, once sent (OI in v2)") ReportView report) {

    /**
     * The repair report and where it stands: QUEUED, SENDING, ACKNOWLEDGED (the OI answered OK),
     * REJECTED (with the OI's answer) or FAILED.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportView(Status status, int attempts, OffsetDateTime queuedAt, OiAnswer answer,
            List<ReportLine> linesImpacted, List<ReportLine> linesRestored) {
    }

    public enum State { STARTED, ENDED }

    /**
     * One of M1/M3.
     *
     * @param status           QUEUED: not tried yet; SENDING: tried {@code attempts} times, the OI
     *                         did not answer yet (retried); ACKNOWLEDGED: the OI answered OK;
     *                         REJECTED: the OI answered a KO ({@code answer}), to correct; FAILED:
     *                         still no answer after the last retry
     * @param answer           the OI's answer (R M1/R M3) once known
     * @param correctableUntil a rejected (or failed) declaration can be corrected and re-sent until then
     * @param nextAttemptAt    while on its way: when the next try is due
     * @param lastError        while on its way: why the last try did not get through
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeclarationView(
            Status status,
            int attempts,
            OffsetDateTime queuedAt,
            OffsetDateTime answeredAt,
            OiAnswer answer,
            OffsetDateTime correctableUntil,
            OffsetDateTime nextAttemptAt,
            String lastError) {
    }

    public enum Status { QUEUED, SENDING, ACKNOWLEDGED, REJECTED, FAILED }
}
