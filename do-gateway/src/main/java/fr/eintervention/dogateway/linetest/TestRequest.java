package fr.eintervention.dogateway.linetest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * "Tester les lignes" as the app sends it, as soon as it can.
 *
 * @param numeroTest the test's number, 1 to 5, the next one of the intervention
 * @param dateTest   the tap on the device (ISO 8601), never the time of sending
 */
public record TestRequest(
        @Schema(example = "1") Integer numeroTest,
        @Schema(example = "2026-11-24T09:15:00+01:00") String dateTest) {
}
