package fr.eintervention.dogateway.intervention;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The OI's functional answer to an M1/M3 (R M1/R M3).
 *
 * @param refIntervOi the OI's reference, when it answered OK
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OiAnswer(Integer code, String label, String description, String refIntervOi) {
}
