package fr.eintervention.dogateway.referential;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One PM of the DO's list.
 *
 * @param pm    its regulatory reference, as declared in M1/M3
 * @param label where it is, as the DO names it (optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PmEntry(@Schema(example = "FI-35238-0001") String pm,
        @Schema(example = "Rennes, rue de Saint-Malo") String label) {
}
