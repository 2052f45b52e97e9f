package fr.eintervention.oc.outage.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.oc.outage.OutageFeed;
import fr.eintervention.oc.outage.OwnIntervention;
import fr.eintervention.oc.outage.OwnInterventions;
import fr.eintervention.web.ProblemDetailsApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** How the OC's supervision and field tools tell the adapter about outages and own interventions. */
@RestController
@ProblemDetailsApi
@Tag(name = "Outages", description = "Customer line outages (JSON or CSV) and the OC's own interventions")
class OutageController {

    private static final String BATCH_RULE = " All or nothing: when any event is at fault none is stored, and the "
            + "answer is HTTP 400 Problem Details whose errors list gives each fault's index (JSON, from 0) or line "
            + "(CSV, header = line 1), field and reason. Only PM is mandatory; PTO, PBO, Tube, Fibre, "
            + "Position_PM_Module_OI, downAt, upAt may be unknown; cause LOSS_OF_SIGNAL | DYING_GASP | UNKNOWN "
            + "(default UNKNOWN); terminated true | false (default false). An event sent again (same PM, PTO, "
            + "downAt) completes the stored one.";

    private final OutageFeed feed;
    private final OwnInterventions ownInterventions;

    OutageController(OutageFeed feed, OwnInterventions ownInterventions) {
        this.feed = feed;
        this.ownInterventions = ownInterventions;
    }

    @PostMapping(path = "/outages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A batch of line outage events (JSON array).", description = BATCH_RULE,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                            [{"PTO":"FI-1234-5678","PM":"FI-35238-0001","PBO":"PT000123","Tube":"T2","Fibre":"F7",
                              "Position_PM_Module_OI":"M3-P12","downAt":"2026-11-24T10:02:13+01:00",
                              "upAt":"2026-11-24T10:40:00+01:00","cause":"LOSS_OF_SIGNAL","terminated":false},
                             {"PM":"FI-35238-0001","PTO":"FI-1234-9999","downAt":"2026-11-24T10:05:00+01:00","cause":"DYING_GASP"}]"""))))
    Map<String, Integer> outages(@RequestBody JsonNode events) {
        return Map.of("stored", feed.ingest(events));
    }

    @PostMapping(path = "/outages/csv", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "The same events as a CSV file: a header row naming the columns (the JSON field names, "
            + "any order, ';' or ',' separated), then one event a line; an empty cell is unknown.",
            description = BATCH_RULE, requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(mediaType = "text/csv", examples = @ExampleObject(value = """
                            PTO;PM;PBO;Tube;Fibre;Position_PM_Module_OI;downAt;upAt;cause;terminated
                            FI-1234-5678;FI-35238-0001;PT000123;T2;F7;M3-P12;2026-11-24T10:02:13+01:00;;LOSS_OF_SIGNAL;false
                            ;FI-35238-0001;;;;;2026-11-24 10:05:00;;UNKNOWN;"""))))
    Map<String, Integer> outagesCsv(@RequestBody String csv) {
        return Map.of("stored", feed.ingestCsv(csv));
    }

    @PostMapping(path = "/own-interventions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The OC is the DO: its technician works on that PTO at that PM from 'from' to 'to' "
            + "(absent: still on site). That customer is left out of the OC's M5 for the interventions on that PM "
            + "overlapping the time. Sent again with the same pm, pto, from: the end is updated.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                            {"pm":"FI-35238-0001","pto":"FI-1234-5678","from":"2026-11-24T09:10:00+01:00","to":"2026-11-24T11:00:00+01:00"}"""))))
    OwnIntervention ownIntervention(@RequestBody JsonNode body) {
        return ownInterventions.record(body);
    }
}
