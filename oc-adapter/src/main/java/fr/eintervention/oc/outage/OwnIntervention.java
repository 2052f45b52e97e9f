package fr.eintervention.oc.outage;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The OC is itself the DO: its technician works on that customer's line ({@code pto}) at that
 * PM, from {@code from} to {@code to} (absent: still on site). That customer is left out of the
 * OC's M5 for the interventions on that PM overlapping the time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnIntervention(String pm, String pto, OffsetDateTime from, OffsetDateTime to) {
}
