package fr.eintervention.dogateway.intervention;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of the repair report, named by at least one of its references.
 *
 * @param pto              {@code refPTO}
 * @param serviceReference {@code referencePrestationPrise}
 * @param ontSerial        {@code numeroSerieONT}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportLine(
        @Schema(example = "FI-1234-5678") String pto,
        @Schema(description = "the OC's service reference of the line, if known") String serviceReference,
        @Schema(description = "the ONT's serial number, if known") String ontSerial) {
}
