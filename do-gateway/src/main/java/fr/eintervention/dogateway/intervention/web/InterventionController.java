package fr.eintervention.dogateway.intervention.web;

import fr.eintervention.web.ProblemDetailsApi;
import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.dogateway.intervention.CaptureDesk;
import fr.eintervention.dogateway.intervention.Correction;
import fr.eintervention.dogateway.intervention.EndOfIntervention;
import fr.eintervention.dogateway.intervention.InterventionView;
import fr.eintervention.dogateway.intervention.NewIntervention;
import fr.eintervention.dogateway.intervention.RepairReport;
import fr.eintervention.dogateway.intervention.ReportDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The field API: what the technicians' tools call. Errors are Problem Details naming the fields. */
@RestController
@ProblemDetailsApi(unreadableBodyProtocolAnswer = "MAUVAIS_FORMAT")
@Tag(name = "Interventions", description = "The field API, what the DO's own tools call (the technicians' app among them):"
        + " presence periods of technicians on PMs, declared to the OIs as M1/M3")
class InterventionController {

    private final CaptureDesk desk;
    private final ReportDesk reports;

    InterventionController(CaptureDesk desk, ReportDesk reports) {
        this.desk = desk;
        this.reports = reports;
    }

    @PostMapping("/interventions")
    @Operation(summary = "Start a presence period (with its end too when captured offline)",
            description = "Creates a new reference and queues M1 (then M3 when the end is given). "
                    + "The timestamps are the device's, never the time of transmission.")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "200", description = "this capture had already been received: the same period")
    @ApiResponse(responseCode = "400", description = "a field is missing or invalid: errors [{field, reason}]")
    @ApiResponse(responseCode = "409", description = "the capture id was used for another start")
    ResponseEntity<InterventionView> start(@RequestBody NewIntervention request,
            @Parameter(description = "an id the tool gives this capture, so that posting it again after lost "
                    + "coverage does not create a second period")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CaptureDesk.Started started = desk.start(request, idempotencyKey);
        URI location = URI.create("/interventions/" + started.intervention().ref());
        return started.created() ? ResponseEntity.created(location).body(started.intervention())
                : ResponseEntity.ok().location(location).body(started.intervention());
    }

    @PostMapping("/interventions/{ref}/end")
    @Operation(summary = "End a presence period", description = "Queues M3 (after M1). Posting the same end again changes nothing.")
    @ApiResponse(responseCode = "200", description = "ended")
    @ApiResponse(responseCode = "409", description = "already ended at another time")
    InterventionView end(@PathVariable String ref, @RequestBody EndOfIntervention request) {
        return desk.end(ref, request);
    }

    @PostMapping("/interventions/{ref}/report")
    @Operation(summary = "Send the repair report after the end (OI in v2)",
            description = "The lines impacted and the lines restored, each named by its PTO, service reference or ONT "
                    + "serial; checked by v2's rules and sent to the OI after M3 (POST /v2/interventions-do/compte-rendu). "
                    + "The same report posted again changes nothing.")
    @ApiResponse(responseCode = "200", description = "queued; the intervention with its report")
    @ApiResponse(responseCode = "400", description = "a line is invalid: errors [{field, reason}]")
    @ApiResponse(responseCode = "409", description = "not ended yet, the OI speaks v1, or another report was sent")
    InterventionView report(@PathVariable String ref, @RequestBody RepairReport request) {
        return reports.send(ref, request);
    }

    @PutMapping("/interventions/{ref}")
    @Operation(summary = "Correct a declaration the OI rejected, and send it again",
            description = "The fields given replace the recorded ones; every declaration the OI has not "
                    + "acknowledged is queued again, M1 before M3. Allowed for 48 h (configurable) after the rejection.")
    @ApiResponse(responseCode = "200", description = "corrected and queued again")
    @ApiResponse(responseCode = "409", description = "nothing rejected to correct, or too late")
    InterventionView correct(@PathVariable String ref, @RequestBody Correction request) {
        return desk.correct(ref, request);
    }

    @GetMapping("/interventions/{ref}")
    @Operation(summary = "Where a presence period stands: M1 and M3 queued, sending, acknowledged (with the "
            + "OI's reference), rejected (with the OI's answer) or failed")
    InterventionView find(@PathVariable String ref) {
        return desk.find(ref);
    }

    @GetMapping("/technicians/{technicianId}/interventions/today")
    @Operation(summary = "The technician's home screen: today's periods (Europe/Paris) and any still open")
    List<InterventionView> today(@PathVariable String technicianId) {
        return desk.today(technicianId);
    }
}
